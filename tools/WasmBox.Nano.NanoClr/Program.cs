using WasmBox.Nano.Gate;
using WasmBox.Nano.NanoClr;

// Device assemblies on the real nanoFramework runtime (../shared/nanoclr).
//   WasmBox.Nano.NanoClr test [--configuration Debug|Release] [--suite TEXT]   every device test on nanoCLR
//   WasmBox.Nano.NanoClr bench [--callgrind [--no-timing]] [--only NAME] [--json]  device figures on nanoCLR
//   WasmBox.Nano.NanoClr bench --hostcalls [--json]                             helper-call cost with hostcall policies (callgrind)
// Exit code: 0 all passed (or, for test, the kit is absent: skipped), 1 a test or benchmark failed, 2 bad usage.
const string Usage = "usage: WasmBox.Nano.NanoClr test [--configuration Debug|Release] [--suite TEXT]\n"
    + "       WasmBox.Nano.NanoClr bench [--callgrind [--no-timing]] [--only NAME] [--json]   (NAME: a kernel, es256 or sha256-4k)\n"
    + "       WasmBox.Nano.NanoClr bench --hostcalls [--json]";

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}
var root = RepositoryRoot.Find();
if (root == null) return Fail("run inside the repository (no WasmBox.Nano.sln above the current directory)");
if (args[0] == "bench")
{
    var options = args.Skip(1).ToList();
    if (options.Contains("--hostcalls"))
        return options.Any(o => o is not ("--hostcalls" or "--json")) ? Fail("--hostcalls takes only --json")
            : HostcallBenchCommand.Run(root, options.Contains("--json"));
    string? only = null;
    int onlyAt = options.IndexOf("--only");
    if (onlyAt >= 0)
    {
        if (onlyAt + 1 >= options.Count || options[onlyAt + 1].StartsWith("--", StringComparison.Ordinal))
            return Fail("--only needs a measurement name (a kernel, es256 or sha256-4k)");
        only = options[onlyAt + 1];
        options.RemoveRange(onlyAt, 2);
    }
    var unknown = options.FirstOrDefault(o => o is not ("--callgrind" or "--json" or "--no-timing"));
    if (unknown == null && options.Contains("--no-timing") && !options.Contains("--callgrind")) return Fail("--no-timing needs --callgrind");
    return unknown != null ? Fail($"unknown argument '{unknown}'")
        : BenchCommand.Run(root, options.Contains("--callgrind"), options.Contains("--json"), timing: !options.Contains("--no-timing"), only);
}
if (args[0] != "test") return Fail($"unknown command '{args[0]}' (test or bench)");
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
return TestCommand.Run(root, configurations, suite);

static int Fail(string message)
{
    Console.Error.WriteLine($"nanoclr: error: {message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
