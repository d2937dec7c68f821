using WasmBox.Nano.Gate;
using WasmBox.Nano.NanoClr;

// Device assemblies on the real nanoFramework runtime (../shared/nanoclr).
//   WasmBox.Nano.NanoClr test [--configuration Debug|Release] [--suite TEXT]
// Exit code: 0 all passed (or the kit is absent: skipped), 1 a test failed, 2 bad usage.
const string Usage = "usage: WasmBox.Nano.NanoClr test [--configuration Debug|Release] [--suite TEXT]";

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}
if (args[0] != "test") return Fail($"unknown command '{args[0]}'");
DeviceConfiguration[] configurations = [DeviceConfiguration.Debug, DeviceConfiguration.Release];
string? suite = null;
for (int i = 1; i < args.Length; i++)
{
    string? Value() => i + 1 < args.Length ? args[++i] : null;
    switch (args[i])
    {
        case "--configuration":
            if (!Enum.TryParse(Value(), ignoreCase: true, out DeviceConfiguration c)) return Fail("--configuration takes Debug or Release");
            configurations = [c];
            break;
        case "--suite":
            suite = Value() ?? "";
            if (suite.Length == 0) return Fail("--suite needs a text to match suite names");
            break;
        default: return Fail($"unknown argument '{args[i]}'");
    }
}
var root = RepositoryRoot.Find();
if (root == null) return Fail("run inside the repository (no WasmBox.Nano.sln above the current directory)");
return TestCommand.Run(root, configurations, suite);

static int Fail(string message)
{
    Console.Error.WriteLine($"nanoclr: error: {message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
