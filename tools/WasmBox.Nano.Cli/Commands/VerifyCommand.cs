using System.CommandLine;
using System.Text.Json.Nodes;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Signing.Checking;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx verify FILE [--helpers 1,2,16] [--max-instructions N] [--json]</c>: runs the pre-flight verifier
/// on a program; <c>wbx verify FILE.wbx --pub KEY.pub.pem | --keyring DIR [--json]</c> checks a bundle
/// as a board does: signature, image size and digest, image structure, then the verifier with the
/// manifest's helper list as the grant.
/// </summary>
internal static class VerifyCommand
{
    private const string BundleExtension = ".wbx";

    public static Command Create()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "Bundle (.wbx), or program: .bin bytecode, .hex hex text, or assembly text",
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
                + "manifest, image, preflight} with the fields of `wbx inspect --json`. Program: {kind: \"program\", file, ok, "
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
            if (Path.GetExtension(path).Equals(BundleExtension, StringComparison.OrdinalIgnoreCase))
            {
                KeySource keys = KeySource.From(parse.GetValue(pub), parse.GetValue(keyring))
                    ?? throw new CliError("checking a bundle needs its tenant's public key: --pub KEY.pub.pem or --keyring DIR");
                return VerifyBundle(path, keys, asJson);
            }
            int max = parse.GetValue(maxInstructions);
            if (max < 1)
            {
                throw new CliError("--max-instructions must be at least 1");
            }
            byte[] code = ProgramFile.Load(path);
            var result = Verifier.Verify(code, new VerifierOptions { Helpers = HelperSets.Parse(parse.GetValue(helpers)), MaxInstructions = max });
            return asJson ? PrintProgramJson(path, result) : PrintProgramText(result);
        }));
        return command;
    }

    private static int VerifyBundle(string path, KeySource keys, bool asJson)
    {
        BundleReport report = BundleChecker.Check(InputFile.ReadBytes(path), keys.Keyring);
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

    private static int PrintProgramJson(string path, VerifyResult result)
    {
        Console.WriteLine(new JsonObject
        {
            ["kind"] = "program",
            ["file"] = path,
            ["ok"] = result.Ok,
            ["error"] = result.Ok ? null : BundleReportJson.Error(BundleReport.PreflightFailed, result.Message),
            ["preflight"] = BundleReportJson.Preflight(result),
        }.ToJsonString());
        return result.Ok ? 0 : CommandGuard.Failure;
    }
}
