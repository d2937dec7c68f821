using System.CommandLine;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Building;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Toolchain;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Cli.Commands.Policies;

/// <summary>
/// <c>wbx policy build FILE.c [-o OUT.wbi] [--entry NAME] [-I DIR] [-D X=Y]</c>: `wbx build` for a policy
/// program (wbx_policy.h is built in), then the board's policy rules: only the policy helpers, no .data or .bss.
/// </summary>
internal static class PolicyBuildCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Policy program in C (#include \"wbx_policy.h\") or its eBPF object" };
        var output = new Option<string?>("--output", "-o") { Description = "Image file to write (default: FILE with extension .wbi)", HelpName = "OUT.wbi" };
        var entry = new Option<string?>("--entry") { Description = "The decision's entry function (default: main, else the first global function)", HelpName = "NAME" };
        var include = new Option<string[]>("-I") { Description = "Include directory for clang (repeatable)", HelpName = "DIR", Arity = ArgumentArity.ZeroOrMore };
        var define = new Option<string[]>("-D") { Description = "Macro definition for clang, X or X=Y (repeatable)", HelpName = "X=Y", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("build", "Compile a policy program in C into a verified policy image (then `wbx policy pack`)")
        {
            file, output, entry, include, define,
        };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string input = parse.GetRequiredValue(file);
            string outPath = parse.GetValue(output) ?? Path.ChangeExtension(input, ".wbi");
            BuildResult result;
            try
            {
                result = SourceBuild.Run(input, parse.GetValue(entry), parse.GetValue(include) ?? [], parse.GetValue(define) ?? [], null);
            }
            catch (CompilerMissingException e)
            {
                Console.Error.WriteLine("wbx: error: " + e.Message);
                return BuildCommand.CompilerMissing;
            }
            FunctionImage image = result.Image;
            if (image.Data.Length != 0 || image.BssSize != 0)
                throw new CliError(input + " has writable globals (.data/.bss); a policy keeps state only in its store (wbxp_kv_get/wbxp_kv_put)");
            VerifyResult verdict = Verifier.Verify(image.Text, new VerifierOptions { Helpers = PolicyHelperIds.VerificationTable });
            if (!verdict.Ok)
                throw new CliError(input + " is not a policy a board takes: " + verdict.Message + " (policies call only the wbxp_ helpers of wbx_policy.h)");
            File.WriteAllBytes(outPath, ImageCodec.Encode(image));
            Console.WriteLine("built policy " + outPath + " (" + new FileInfo(outPath).Length + " bytes) from " + input + ": "
                + image.Text.Length / Opcodes.InstructionSize + " instructions, entry " + image.Entries[0].Name);
            return 0;
        }));
        return command;
    }
}
