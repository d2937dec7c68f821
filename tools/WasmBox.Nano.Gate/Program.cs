using WasmBox.Nano.Gate;

// nanoFramework compatibility gate (design page, section 1).
//   WasmBox.Nano.Gate [--repo DIR]                 check every .nfproj under src/, firmware/, nftests/
//   WasmBox.Nano.Gate [--repo DIR] --check-file F  compile one file against mscorlib; fails on what nanoFramework lacks
// Exit code: 0 all ok, 1 a check failed, 2 bad usage.
const string Usage = "usage: WasmBox.Nano.Gate [--repo DIR] [--check-file FILE.cs]";

string? repo = null, checkFile = null;
for (int i = 0; i < args.Length; i++)
{
    string? Value() => i + 1 < args.Length ? args[++i] : null;
    switch (args[i])
    {
        case "--repo": repo = Value(); if (repo == null) return Fail("--repo needs a directory"); break;
        case "--check-file": checkFile = Value(); if (checkFile == null) return Fail("--check-file needs a file"); break;
        case "-h" or "--help": Console.WriteLine(Usage); return 0;
        default: return Fail($"unknown argument '{args[i]}'");
    }
}

repo ??= FindRepositoryRoot(Directory.GetCurrentDirectory());
if (repo == null || !Directory.Exists(Path.Combine(repo, "tools", "facades")))
    return Fail($"no tools/facades under {repo ?? "the current directory or its parents"}; pass --repo");

var gate = Gate.ForRepository(repo);
IReadOnlyList<ProjectResult> results;
try
{
    results = checkFile != null ? [gate.CheckFile(checkFile)] : gate.CheckRepository(repo);
}
catch (FacadeException e)
{
    Console.WriteLine($"gate: {e.Message}");
    return 1;
}

if (results.Count == 0) Console.WriteLine("gate: no .nfproj found under " + string.Join(", ", Gate.DeviceFolders));
foreach (var result in results)
{
    foreach (var error in result.Errors) Console.WriteLine(error);
    Console.WriteLine(result.Summary);
}
return results.All(r => r.Ok) ? 0 : 1;

static int Fail(string message)
{
    Console.Error.WriteLine($"gate: {message}");
    Console.Error.WriteLine(Usage);
    return 2;
}

static string? FindRepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        if (Directory.Exists(Path.Combine(dir.FullName, "tools", "facades"))) return dir.FullName;
    return null;
}
