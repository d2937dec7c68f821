using System.CommandLine;
using System.Text.Json.Nodes;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Signing.Authoring;
using WasmBox.Nano.Signing.Checking;
using WasmBox.Nano.Signing.Keyrings;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx inspect FILE.wbx [--pub KEY.pub.pem | --keyring DIR] [--json]</c>: the manifest, the
/// image and its disassembly, and what the board's checks say (signature, digest, verifier).
/// Exits 0 when every check that ran passed.
/// </summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Bundle (.wbx)" };
        var pub = new Option<string?>("--pub") { Description = "Check the signature with this public key (TENANT.pub.pem)" };
        var keyring = new Option<string?>("--keyring") { Description = "Check the signature with the manifest tenant's key from DIR/TENANT.pub.pem" };
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON: {file, ok, bytes, error: {code, detail} | null, signature: verified|invalid|unknown-tenant|not-checked, "
                + "digest: matches|mismatch|not-checked, manifest: {version, tenant, slot, sequence, name, digest, imageSize, hooks, helpers, "
                + "pins, sensors, i2c, spi, uart, pwm, adc, budgets} | null, image: {textBytes, instructions, rodataBytes, dataBytes, bssBytes, entries} | null, "
                + "preflight: {ok, instructions, calledHelpers, error, index, detail} | null, disassembly: string | null}",
        };
        var command = new Command("inspect", "Show a bundle's manifest, image, disassembly and check results") { file, pub, keyring, json };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string path = parse.GetRequiredValue(file);
            KeySource? keys = KeySource.From(parse.GetValue(pub), parse.GetValue(keyring));
            BundleReport report = BundleChecker.Check(InputFile.ReadBytes(path), keys?.Keyring);
            string? disassembly = report.Image is null ? null : Disassembler.Disassemble(report.Image.Text);
            if (parse.GetValue(json))
            {
                JsonObject result = BundleReportJson.Report(report);
                result.Insert(0, "file", path);
                result["disassembly"] = disassembly;
                Console.WriteLine(result.ToJsonString());
            }
            else
            {
                PrintText(path, report, keys, disassembly);
            }
            return report.Problem is null ? 0 : CommandGuard.Failure;
        }));
        return command;
    }

    private static void PrintText(string path, BundleReport report, KeySource? keys, string? disassembly)
    {
        Console.WriteLine("bundle " + path + " (" + report.Size + " bytes)");
        if (report.Manifest is { } m)
        {
            Console.WriteLine("  signature: " + SignatureLine(report.Signature, keys));
            Console.WriteLine("  digest:    " + (report.Digest == DigestStatus.Mismatch ? "MISMATCH" : BundleReportJson.DigestText(report.Digest)));
            PrintManifest(m, report.Image);
        }
        if (report.Image is { } image)
        {
            PrintImage(image, report);
            Console.WriteLine("disassembly:");
            Console.Write(disassembly);
        }
        if (report.Problem is { } problem)
        {
            Console.WriteLine("refused: " + problem.Code + ": " + problem.Detail);
        }
    }

    private static string SignatureLine(SignatureStatus status, KeySource? keys) => status switch
    {
        SignatureStatus.Verified => "verified with " + keys!.Description,
        SignatureStatus.Invalid => "INVALID with " + keys!.Description,
        SignatureStatus.UnknownTenant => "not checked: " + keys!.Description + " has no key for the tenant",
        _ => "not checked (give --pub or --keyring)",
    };

    private static void PrintManifest(Manifest m, FunctionImage? image)
    {
        Console.WriteLine("manifest:");
        Console.WriteLine("  tenant " + m.Tenant + ", slot " + m.Slot + ", sequence " + m.Sequence + (m.Name.Length > 0 ? ", name \"" + m.Name + "\"" : ""));
        Console.WriteLine("  image:    " + m.ImageSize + " bytes, sha-256 " + Convert.ToHexStringLower(m.Digest));
        Console.WriteLine("  hooks:    " + List(m.Hooks.Select(h => RequestSpecs.Describe(h) + " -> " + EntryName(image, h.Entry))));
        Console.WriteLine("  helpers:  " + List(m.Helpers.Select(h => h.ToString())));
        Console.WriteLine("  pins:     " + List(m.Pins.Select(p => p.Pin + ":" + RequestNames.PinMode(p.Mode))));
        Console.WriteLine("  sensors:  " + List(m.Sensors));
        Console.WriteLine("  i2c:      " + List(m.I2c.Select(I2cSpecs.Describe)));
        foreach ((string label, string[] items) in PeripheralSpecs.Lines(m))
        {
            Console.WriteLine("  " + (label + ":").PadRight(10) + List(items));
        }
        Console.WriteLine("  budgets:  instructions " + Budget(m.InstructionsPerRun) + ", branches " + Budget(m.BranchesPerRun)
            + ", ram " + Budget(m.RamBytes) + ", stack frames " + Budget(m.StackFrames));
    }

    private static void PrintImage(FunctionImage image, BundleReport report)
    {
        Console.WriteLine("image:");
        Console.WriteLine("  text " + image.Text.Length / 8 + " instructions (" + image.Text.Length + " bytes), rodata " + image.Rodata.Length
            + " bytes, data " + image.Data.Length + " bytes, bss " + image.BssSize + " bytes");
        Console.WriteLine("  entries:  " + List(image.Entries.Select(e => e.Name + " @" + e.Index)));
        Console.WriteLine("  verifier: " + (report.Preflight is { Ok: true } ? "ok" : "FAILED: " + report.Preflight?.Message));
    }

    private static string EntryName(FunctionImage? image, int entry) =>
        image is not null && entry < image.Entries.Length ? image.Entries[entry].Name : "entry " + entry;

    private static string Budget(int value) => value == 0 ? "default" : value.ToString();

    private static string List(IEnumerable<string> items)
    {
        string text = string.Join(", ", items);
        return text.Length == 0 ? "none" : text;
    }
}
