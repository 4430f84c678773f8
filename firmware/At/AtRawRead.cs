namespace CellularIot.At
{
    /// <summary>Where a length-prefixed block of raw bytes sits in a command's answer.</summary>
    public enum AtRawRead
    {
        /// <summary>The answer holds lines only.</summary>
        None = 0,

        /// <summary>On the answer line itself, after the length and a comma: <c>+CARECV: &lt;len&gt;,&lt;raw&gt;</c>.</summary>
        Inline = 1,

        /// <summary>After the answer line and its line end: <c>+CFSRFILE: &lt;len&gt;</c> CR LF <c>&lt;raw&gt;</c>.</summary>
        AfterLine = 2,
    }
}
