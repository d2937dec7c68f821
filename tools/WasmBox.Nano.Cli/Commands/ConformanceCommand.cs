using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Conformance;

namespace WasmBox.Nano.Cli.Commands;

/// <summary><c>wbx conformance [--dir D] [-v]</c>: runs the bpf_conformance corpus on the VM.</summary>
internal static class ConformanceCommand
{
    public static Command Create()
    {
        var dir = new Option<string?>("--dir") { Description = "Folder of .data files (default: ../shared/conformance/bpf_conformance/tests next to the repository)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every test, not only failures" };
        var command = new Command("conformance", "Run the bpf_conformance test corpus") { dir, verbose };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string directory = parse.GetValue(dir) ?? CorpusLocator.FindTestsDirectory()
                ?? throw new CliError("conformance tests not found: expected ../shared/conformance/bpf_conformance/tests next to the folder holding "
                    + CorpusLocator.SolutionFile + "; pass --dir");
            if (!Directory.Exists(directory))
            {
                throw new CliError("directory not found: " + directory);
            }
            bool all = parse.GetValue(verbose);
            int passed = 0, failed = 0, outOfScope = 0;
            foreach (string path in ConformanceRunner.TestFiles(directory))
            {
                var result = Run(path);
                switch (result.Outcome)
                {
                    case CaseOutcome.Passed: passed++; break;
                    case CaseOutcome.Failed: failed++; break;
                    default: outOfScope++; break;
                }
                if (all || result.Outcome == CaseOutcome.Failed)
                {
                    Console.WriteLine(Label(result.Outcome) + " " + result.Name + (result.Detail.Length > 0 ? ": " + result.Detail : ""));
                }
            }
            Console.WriteLine("conformance: " + passed + "/" + (passed + failed) + " in-scope passed (" + outOfScope + " out of scope)");
            return failed == 0 ? 0 : CommandGuard.Failure;
        }));
        return command;
    }

    private static CaseResult Run(string path)
    {
        try
        {
            return ConformanceRunner.Run(DataFileParser.Load(path));
        }
        catch (FormatException e)
        {
            return new CaseResult(Path.GetFileNameWithoutExtension(path), CaseOutcome.Failed, e.Message);
        }
    }

    private static string Label(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Passed => "PASS",
        CaseOutcome.Failed => "FAIL",
        _ => "SKIP",
    };
}
