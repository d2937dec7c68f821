using WasmBox.Nano.Asm;

namespace WasmBox.Nano.Cli.Io;

/// <summary>Runs a command body and turns expected failures into one "wbx: error: ..." line and exit code 1.</summary>
internal static class CommandGuard
{
    public const int Failure = 1;

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is CliError or AssemblyException or FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("wbx: error: " + e.Message);
            return Failure;
        }
    }
}
