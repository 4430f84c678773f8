namespace CellularIot.Cloud.Onboarding
{
    /// <summary>The outcome of <see cref="RootCaCheck.Check"/>.</summary>
    public class RootCaCheckResult
    {
        private readonly bool matchesShippedRoot;
        private readonly string fileName;
        private readonly string warning;

        /// <summary>Creates a result.</summary>
        public RootCaCheckResult(bool matchesShippedRoot, string fileName, string warning)
        {
            this.matchesShippedRoot = matchesShippedRoot;
            this.fileName = fileName;
            this.warning = warning;
        }

        /// <summary>True when the URL names the shipped root.</summary>
        public bool MatchesShippedRoot
        {
            get { return matchesShippedRoot; }
        }

        /// <summary>The file name the URL ends in (may be empty).</summary>
        public string FileName
        {
            get { return fileName; }
        }

        /// <summary>A warning for the log when the roots differ, else null.</summary>
        public string Warning
        {
            get { return warning; }
        }
    }
}
