using System.CommandLine;
using System.Globalization;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Conformance;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx run FILE [--input HEX | --input-file F] [--budget N] [--branch-budget N] [--helpers conformance]</c>:
/// verifies and runs a program once; the input is mapped at the context base with r1 = its
/// address and r2 = its length. FILE is recognised by content: bytecode, hex, assembly, or a
/// function (ELF object, image, bundle) whose code runs.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Program (bytecode, hex or assembly) or function (ELF object, image, bundle), recognised by content" };
        var input = new Option<string?>("--input") { Description = "Input memory as hex bytes" };
        var inputFile = new Option<string?>("--input-file") { Description = "Input memory: raw bytes of this file" };
        var budget = new Option<int>("--budget")
        {
            Description = "Instruction budget",
            DefaultValueFactory = _ => Vm.Vm.DefaultInstructionBudget,
        };
        var branchBudget = new Option<int>("--branch-budget")
        {
            Description = "Taken-branch budget",
            DefaultValueFactory = _ => Vm.Vm.DefaultBranchBudget,
        };
        var helpers = new Option<string>("--helpers")
        {
            Description = "Helpers available to the program",
            DefaultValueFactory = _ => HelperSets.None,
        };
        helpers.AcceptOnlyFromAmong(HelperSets.None, HelperSets.Conformance);
        var command = new Command("run", "Verify and run a program on the host VM") { file, input, inputFile, budget, branchBudget, helpers };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            var limits = new ExecutionLimits(
                InstructionBudget: Positive(parse.GetValue(budget), "--budget"),
                BranchBudget: Positive(parse.GetValue(branchBudget), "--branch-budget"));
            byte[] memory = Input(parse.GetValue(input), parse.GetValue(inputFile));
            LoadedInput program = ProgramFile.Read(parse.GetRequiredValue(file));
            var outcome = ProgramExecution.Run(ProgramFile.Code(program), memory, HelperSets.Parse(parse.GetValue(helpers)), limits);
            if (!outcome.Verified)
            {
                Console.Error.WriteLine("verify failed: " + outcome.Verification.Message + (program.IsFunction
                    ? " (" + program.Path + " is " + InputRecognizer.Describe(program.Kind) + "; a function that calls board helpers runs on a simulated board: `wbx sim`)"
                    : ""));
                return CommandGuard.Failure;
            }
            Print(outcome);
            return outcome.Succeeded ? 0 : CommandGuard.Failure;
        }));
        return command;
    }

    private static int Positive(int value, string option) =>
        value >= 1 ? value : throw new CliError(option + " must be at least 1");

    private static byte[] Input(string? hex, string? path)
    {
        if (hex is not null && path is not null)
        {
            throw new CliError("give either --input or --input-file, not both");
        }
        return hex is not null ? HexBytes.Parse(hex) : path is not null ? InputFile.ReadBytes(path) : [];
    }

    private static void Print(ExecutionOutcome outcome)
    {
        ulong r0 = outcome.Result;
        string signed = (long)r0 < 0 ? ", signed " + ((long)r0).ToString(CultureInfo.InvariantCulture) : "";
        Console.WriteLine("r0: 0x" + r0.ToString("x", CultureInfo.InvariantCulture) + " (" + r0.ToString(CultureInfo.InvariantCulture) + signed + ")");
        Console.WriteLine("status: " + (outcome.Failure ?? VmStatusText.Describe(outcome.Status)));
        Console.WriteLine("instructions executed: " + outcome.InstructionCount);
        Console.WriteLine("branches taken: " + outcome.BranchCount);
        Console.WriteLine("wall time: " + outcome.WallTime.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) + " ms");
    }
}
