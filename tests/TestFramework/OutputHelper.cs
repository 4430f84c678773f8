namespace nanoFramework.TestFramework
{
    /// <summary>Writes test output to the console, which both runners capture.</summary>
    public static class OutputHelper
    {
        /// <summary>Writes a message.</summary>
        public static void Write(string message)
        {
            System.Console.Write(message);
        }

        /// <summary>Writes a message and a line end.</summary>
        public static void WriteLine(string message)
        {
            System.Console.WriteLine(message);
        }
    }
}
