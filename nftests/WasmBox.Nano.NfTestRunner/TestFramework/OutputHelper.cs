namespace nanoFramework.TestFramework
{
    /// <summary>Test output; on the host it goes to standard output, before the test's result line.</summary>
    public static class OutputHelper
    {
        public static void Write(string message)
        {
            System.Console.Write(message);
        }

        public static void WriteLine(string message)
        {
            System.Console.WriteLine(message);
        }
    }
}
