using System.CommandLine;
using System.Globalization;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Building;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Toolchain;
using WasmBox.Nano.Toolchain.Compiling;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx build FILE.c|FILE.o|PROJECT [-o OUT.wbi] [--entry NAME] [-I DIR] [-D X=Y] [--keep-object]</c>:
/// compiles C with clang for eBPF (or takes an object, recognised by content), links it into a
/// function image, checks it with the VM's verifier and writes the encoded image. wasmbox.h and
/// the Femto-Containers shim are built in; a project folder (or a C file in one) gives its wbx.json's source and entry.
/// </summary>
internal static class BuildCommand
{
    /// <summary>Exit code when clang is not installed, distinct from a build error.</summary>
    public const int CompilerMissing = 2;

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "C source, eBPF relocatable object (by content), or a project folder with wbx.json" };
        var output = new Option<string?>("--output", "-o") { Description = "Image file to write (default: FILE with extension .wbi)", HelpName = "OUT.wbi" };
        var entry = new Option<string?>("--entry") { Description = "Entry point listed first (default: main, else the first global function)", HelpName = "NAME" };
        var include = new Option<string[]>("-I") { Description = "Include directory for clang (repeatable)", HelpName = "DIR", Arity = ArgumentArity.ZeroOrMore };
        var define = new Option<string[]>("-D") { Description = "Macro definition for clang, X or X=Y (repeatable)", HelpName = "X=Y", Arity = ArgumentArity.ZeroOrMore };
        var keepObject = new Option<bool>("--keep-object") { Description = "Keep clang's object next to the image (OUT with extension .o)" };
        var command = new Command("build", "Compile C (or link an object) into a verified function image")
        {
            file, output, entry, include, define, keepObject,
        };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string input = parse.GetRequiredValue(file);
            FunctionProject? project = Directory.Exists(input) ? FunctionProject.Require(input) : FunctionProject.Find(input);
            if (Directory.Exists(input))
                input = project!.SourcePath;
            string outPath = parse.GetValue(output) ?? Path.ChangeExtension(input, ".wbi");
            bool isSource = File.Exists(input) && !FunctionBuilder.IsObject(input);
            string? outDir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (outDir != null && !Directory.Exists(outDir))
            {
                throw new CliError("output directory not found: " + outDir);
            }
            try
            {
                BuildResult result = SourceBuild.Run(input, parse.GetValue(entry) ?? project?.Entry, parse.GetValue(include) ?? [],
                    parse.GetValue(define) ?? [], parse.GetValue(keepObject) && isSource ? Path.ChangeExtension(outPath, ".o") : null);
                File.WriteAllBytes(outPath, ImageCodec.Encode(result.Image));
                PrintSummary(input, outPath, result);
                return 0;
            }
            catch (CompilerMissingException e)
            {
                Console.Error.WriteLine("wbx: error: " + e.Message);
                return CompilerMissing;
            }
        }));
        return command;
    }

    private static void PrintSummary(string input, string outPath, BuildResult result)
    {
        FunctionImage image = result.Image;
        int dataEnd = image.Data.Length;
        Console.WriteLine("built " + outPath + " (" + new FileInfo(outPath).Length + " bytes) from " + input
            + (result.CompilerVersion is null ? "" : " with " + result.CompilerVersion));
        Console.WriteLine("  text:    " + image.Text.Length / Opcodes.InstructionSize + " instructions (" + image.Text.Length + " bytes)");
        Console.WriteLine("  rodata:  " + image.Rodata.Length + " bytes at " + Hex(MemoryRegion.RodataBase));
        Console.WriteLine("  data:    " + dataEnd + " bytes at " + Hex(MemoryRegion.DataBase)
            + ", bss " + image.BssSize + " bytes at " + Hex(MemoryRegion.DataBase + (uint)dataEnd));
        Console.WriteLine("  entries: " + string.Join(", ", image.Entries.Select(e => e.Name + " @" + e.Index)) + " (first is the default)");
        Console.WriteLine("  helpers: " + (result.HelperIds.Count == 0 ? "none" : string.Join(", ", result.HelperIds.Select(Hex))));
    }

    private static string Hex(uint value) => "0x" + value.ToString("x8", CultureInfo.InvariantCulture);

    private static string Hex(int id) => "0x" + id.ToString("x2", CultureInfo.InvariantCulture);
}
