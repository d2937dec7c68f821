using System.CommandLine;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Cli.Io;

namespace WasmBox.Nano.Cli.Commands;

/// <summary><c>wbx asm FILE [-o OUT] [--hex]</c>: assembly text to raw little-endian bytecode.</summary>
internal static class AsmCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Assembly source (uBPF / bpf_conformance syntax)" };
        var output = new Option<string?>("--output", "-o") { Description = "Output file (default: FILE with extension .bin, or stdout with --hex)" };
        var hex = new Option<bool>("--hex") { Description = "Write hex text instead of binary" };
        var command = new Command("asm", "Assemble eBPF assembly into bytecode") { file, output, hex };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string source = parse.GetRequiredValue(file);
            byte[] code = Assembler.Assemble(InputFile.ReadText(source));
            bool asHex = parse.GetValue(hex);
            string? target = parse.GetValue(output);
            if (asHex && target is null)
            {
                Console.WriteLine(HexBytes.Format(code, Instruction.Size));
                return 0;
            }
            target ??= Path.ChangeExtension(source, ".bin");
            if (asHex)
            {
                File.WriteAllText(target, HexBytes.Format(code, Instruction.Size) + "\n");
            }
            else
            {
                File.WriteAllBytes(target, code);
            }
            Console.WriteLine("wrote " + code.Length / Instruction.Size + " instructions (" + code.Length + " bytes) to " + target);
            return 0;
        }));
        return command;
    }
}
