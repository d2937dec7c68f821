using System.CommandLine;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Cli.Io;

namespace WasmBox.Nano.Cli.Commands;

/// <summary><c>wbx disasm FILE [--hex]</c>: bytecode back to assembly text that re-assembles to the same bytes.</summary>
internal static class DisasmCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Bytecode: .bin raw bytes, or hex text (.hex or --hex)" };
        var hex = new Option<bool>("--hex") { Description = "Read FILE as hex text" };
        var command = new Command("disasm", "Disassemble eBPF bytecode") { file, hex };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string path = parse.GetRequiredValue(file);
            bool asHex = parse.GetValue(hex) || Path.GetExtension(path).Equals(".hex", StringComparison.OrdinalIgnoreCase);
            byte[] code = asHex ? HexBytes.Parse(InputFile.ReadText(path)) : InputFile.ReadBytes(path);
            if (code.Length % Instruction.Size != 0)
            {
                throw new CliError(path + ": " + code.Length + " bytes is not a whole number of 8-byte instructions");
            }
            Console.Write(Disassembler.Disassemble(code));
            return 0;
        }));
        return command;
    }
}
