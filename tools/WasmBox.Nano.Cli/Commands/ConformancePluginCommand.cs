using System.CommandLine;
using System.Globalization;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Conformance;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx conformance-plugin [MEMORY_HEX] [--debug] [--elf]</c>: the bpf_conformance plugin
/// protocol. The runner writes the program as hex bytes on one stdin line (an ELF file when it
/// runs with --elf, and then it appends --elf), passes the input memory as hex in the first
/// argument only when the test has some, and puts its --plugin_options after the memory. The
/// plugin prints r0 in hex on stdout and exits 0, or prints an error on stderr and exits 1.
/// Because the memory comes first, point --plugin_path at a script running
/// <c>dotnet wbx.dll conformance-plugin "$@"</c>.
/// </summary>
internal static class ConformancePluginCommand
{
    public static Command Create()
    {
        var memory = new Argument<string?>("MEMORY_HEX") { Description = "Input memory as hex bytes", Arity = ArgumentArity.ZeroOrOne };
        var elf = new Option<bool>("--elf") { Description = "stdin holds an ELF file (hex) instead of raw bytecode" };
        var debug = new Option<bool>("--debug") { Description = "Print the program and the outcome on stderr" };
        var command = new Command("conformance-plugin", "bpf_conformance plugin: program hex on stdin, memory hex as argument, r0 hex on stdout")
        {
            memory, elf, debug,
        };
        command.Hidden = true; // an internal plugin the harness runs, not a command for people
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            byte[] input = HexBytes.Parse(Console.In.ReadToEnd());
            if (input.Length == 0)
            {
                throw new CliError("no program on stdin");
            }
            byte[] code = parse.GetValue(elf) ? ElfText.Extract(input) : input;
            byte[] data = HexBytes.Parse(parse.GetValue(memory) ?? "");
            if (parse.GetValue(debug))
            {
                Console.Error.Write(code.Length % Instruction.Size == 0 ? Disassembler.Disassemble(code) : "");
                Console.Error.WriteLine("memory: " + data.Length + " bytes");
            }
            var outcome = ProgramExecution.Run(code, data, ConformanceHelpers.CreateTable(), new ExecutionLimits());
            if (outcome.Failure is string failure)
            {
                Console.Error.WriteLine(failure);
                return CommandGuard.Failure;
            }
            Console.WriteLine(outcome.Result.ToString("x", CultureInfo.InvariantCulture));
            return 0;
        }));
        return command;
    }
}
