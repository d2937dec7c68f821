using System.CommandLine;
using System.Text.Json.Nodes;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Signing.Checking;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Toolchain;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx verify FILE [--helpers 1,2,16] [--max-instructions N] [--json]</c>: runs the pre-flight verifier
/// on a program; <c>wbx verify FILE.wbx --pub KEY.pub.pem | --keyring DIR [--json]</c> checks a bundle
/// as a board does: signature, image size and digest, image structure, then the verifier with the
/// manifest's helper list as the grant. FILE is recognised by content, never by name: a bundle
/// is checked as a board does, an ELF object or image by the verifier's structural rules (the
/// helpers it calls are listed, the tenant's grant decides them at install).
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "Bundle, ELF object, function image, or program (bytecode, hex or assembly), recognised by content",
        };
        var helpers = new Option<string>("--helpers")
        {
            Description = "Programs only: helper ids that exist, e.g. 1,2,16; or 'conformance' (0-5) or 'none'",
            DefaultValueFactory = _ => HelperSets.None,
        };
        var maxInstructions = new Option<int>("--max-instructions")
        {
            Description = "Programs only: most 8-byte instruction slots allowed",
            DefaultValueFactory = _ => VerifierOptions.DefaultMaxInstructions,
        };
        var pub = new Option<string?>("--pub") { Description = "Bundles: the tenant's public key (TENANT.pub.pem)" };
        var keyring = new Option<string?>("--keyring") { Description = "Bundles: directory of TENANT.pub.pem files; the manifest's tenant picks the key" };
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON. Bundle: {kind: \"bundle\", file, ok, bytes, error: {code, detail} | null, signature, digest, "
                + "manifest, image, preflight} with the fields of `wbx inspect --json`. Program, ELF object or image: {kind: \"program\" | \"elf\" | \"image\", file, ok, "
                + "error: {code, detail} | null, preflight: {ok, instructions, calledHelpers, error, index, detail}}",
        };
        var command = new Command("verify", "Check a program with the VM's verifier, or a bundle as a board does")
        {
            file, helpers, maxInstructions, pub, keyring, json,
        };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string path = parse.GetRequiredValue(file);
            bool asJson = parse.GetValue(json);
            LoadedInput input = ProgramFile.Read(path);
            if (input.Kind == InputKind.Bundle)
            {
                KeySource keys = KeySource.From(parse.GetValue(pub), parse.GetValue(keyring))
                    ?? throw new CliError("checking a bundle needs its tenant's public key: --pub KEY.pub.pem or --keyring DIR");
                return VerifyBundle(path, input.Bytes, keys, asJson);
            }
            if (input.IsFunction)
            {
                VerifyResult structural = StructuralVerifier.Verify(ProgramFile.ImageOf(input).Text);
                return asJson ? PrintProgramJson(path, input.Kind, structural) : PrintProgramText(structural);
            }
            int max = parse.GetValue(maxInstructions);
            if (max < 1)
            {
                throw new CliError("--max-instructions must be at least 1");
            }
            byte[] code = ProgramFile.Code(input);
            var result = Verifier.Verify(code, new VerifierOptions { Helpers = HelperSets.Parse(parse.GetValue(helpers)), MaxInstructions = max });
            return asJson ? PrintProgramJson(path, input.Kind, result) : PrintProgramText(result);
        }));
        return command;
    }

    private static int VerifyBundle(string path, byte[] bundle, KeySource keys, bool asJson)
    {
        BundleReport report = BundleChecker.Check(bundle, keys.Keyring);
        if (asJson)
        {
            JsonObject result = BundleReportJson.Report(report);
            result.Insert(0, "kind", "bundle");
            result.Insert(1, "file", path);
            result["ok"] = report.Accepted;
            Console.WriteLine(result.ToJsonString());
        }
        else if (report.Accepted)
        {
            var m = report.Manifest!;
            Console.WriteLine("ok: bundle for tenant " + m.Tenant + ", slot " + m.Slot + ", sequence " + m.Sequence
                + "; signature verified with " + keys.Description + "; digest matches; "
                + report.Preflight!.Program.Count + " instructions, helpers [" + string.Join(", ", m.Helpers) + "]");
        }
        else
        {
            var problem = report.Problem!.Value;
            Console.Error.WriteLine("verify failed: " + problem.Code + ": " + problem.Detail);
        }
        return report.Accepted ? 0 : CommandGuard.Failure;
    }

    private static int PrintProgramText(VerifyResult result)
    {
        if (!result.Ok)
        {
            Console.Error.WriteLine("verify failed: " + result.Message + " (" + result.Error + ")");
            return CommandGuard.Failure;
        }
        Console.WriteLine("ok: " + result.Program.Count + " instructions, helpers [" + string.Join(", ", result.Program.HelperIds) + "]");
        return 0;
    }

    private static int PrintProgramJson(string path, InputKind kind, VerifyResult result)
    {
        Console.WriteLine(new JsonObject
        {
            ["kind"] = kind switch { InputKind.Elf => "elf", InputKind.Image => "image", _ => "program" },
            ["file"] = path,
            ["ok"] = result.Ok,
            ["error"] = result.Ok ? null : BundleReportJson.Error(BundleReport.PreflightFailed, result.Message),
            ["preflight"] = BundleReportJson.Preflight(result),
        }.ToJsonString());
        return result.Ok ? 0 : CommandGuard.Failure;
    }
}
