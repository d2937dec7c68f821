using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Building;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Signing;
using WasmBox.Nano.Signing.Authoring;
using WasmBox.Nano.Signing.Checking;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx pack IMAGE.wbi --key K.key.pem --tenant T --slot N --sequence N [--name S] [--hook H]...
/// [--pin P:MODE]... [--sensor S]... [--i2c BUS:ADDR:SPEED:SDA:SCL]... [--spi BUS:CS:CLOCK:MODE:MOSI:MISO:SCK]...
/// [--uart PORT:BAUD:TX:RX]... [--pwm CHANNEL:PIN]... [--adc CHANNEL:PIN]... [--instructions N] [--branches N] [--ram N] [--stack-frames N]
/// -o OUT.wbx [--json]</c>: signs an image into a bundle. The helper list is derived from the
/// bytecode; the bundle is re-read with the board's reader before it replaces OUT.
/// </summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMAGE") { Description = "Function image (.wbi, as `wbx build` writes it)" };
        var key = new Option<string>("--key") { Description = "The tenant's private key (TENANT.key.pem from `wbx keygen`)", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "Tenant id the bundle belongs to", Required = true };
        var slot = new Option<int>("--slot") { Description = "The tenant's function slot, 0-255", Required = true };
        var sequence = new Option<long>("--sequence") { Description = "Version number, 1 or more; must grow with each bundle for the slot", Required = true };
        var name = new Option<string>("--name") { Description = "Name for people (0-32 bytes)", DefaultValueFactory = _ => "" };
        var hooks = new Option<string[]>("--hook")
        {
            Description = "Event that runs the function (repeatable): timer:MS, gpio:PIN:rising|falling|both, mqtt:TOPIC, "
                + "coap:PATH, boot, install; append @ENTRY to start at that entry point instead of the first",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var pins = new Option<string[]>("--pin")
        {
            Description = "Pin the function needs (repeatable): PIN:MODE, MODE one of " + RequestNames.PinModeChoices,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var sensors = new Option<string[]>("--sensor") { Description = "Sensor the function reads (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var i2c = Repeatable("--i2c", "I2C device the function talks to (repeatable): BUS:ADDRESS:SPEED:SDA:SCL, e.g. 0:0x44:100000:21:22");
        var spi = Repeatable("--spi", "SPI device the function talks to (repeatable): BUS:CS:CLOCK:MODE:MOSI:MISO:SCK, e.g. 0:5:1000000:0:23:19:18");
        var uart = Repeatable("--uart", "UART the function uses (repeatable): PORT:BAUD:TX:RX, e.g. 1:115200:17:16");
        var pwm = Repeatable("--pwm", "PWM output the function drives (repeatable): CHANNEL:PIN, e.g. 0:25");
        var adc = Repeatable("--adc", "ADC input the function reads (repeatable): CHANNEL:PIN, e.g. 6:34");
        var instructions = Budget("--instructions", "Instruction budget per run");
        var branches = Budget("--branches", "Taken-branch budget per run");
        var ram = Budget("--ram", "RAM bytes (data + bss + stack)");
        var stackFrames = Budget("--stack-frames", "Stack frames (512 B each)");
        var output = new Option<string>("--output", "-o") { Description = "Bundle file to write (.wbx)", Required = true };
        var json = new Option<bool>("--json")
        {
            Description = "Print {output, bytes, manifest} as JSON; manifest has the fields of `wbx inspect --json`",
        };
        var command = new Command("pack", "Sign a function image into a bundle for a tenant's slot")
        {
            image, key, tenant, slot, sequence, name, hooks, pins, sensors, i2c, spi, uart, pwm, adc, instructions, branches, ram, stackFrames, output, json,
        };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            FunctionImage function = LoadImage(parse.GetRequiredValue(image));
            Manifest fields = new ManifestSpec(parse.GetRequiredValue(tenant), parse.GetValue(slot), parse.GetValue(sequence),
                parse.GetValue(name) ?? "", parse.GetValue(hooks) ?? [], parse.GetValue(pins) ?? [], parse.GetValue(sensors) ?? [], parse.GetValue(i2c) ?? [],
                new PeripheralSpec(parse.GetValue(spi) ?? [], parse.GetValue(uart) ?? [], parse.GetValue(pwm) ?? [], parse.GetValue(adc) ?? []),
                new FunctionBudgets(parse.GetValue(instructions), parse.GetValue(branches), parse.GetValue(ram), parse.GetValue(stackFrames)))
                .For(function);
            PackWarnings.Print(fields, function, parse.GetRequiredValue(key));
            using ECDsa privateKey = TenantKeys.LoadPrivateKey(parse.GetRequiredValue(key));
            byte[] bundle = BundleSigner.Sign(function, fields, privateKey);
            string outPath = parse.GetRequiredValue(output);
            Manifest written = WriteChecked(outPath, bundle, TenantKeys.PublicPoint(privateKey));
            Report(outPath, bundle.Length, written, parse.GetValue(json));
            return 0;
        }));
        return command;
    }

    private static Option<string[]> Repeatable(string option, string description) =>
        new(option) { Description = description, Arity = ArgumentArity.ZeroOrMore };

    private static Option<int> Budget(string option, string description) =>
        new(option) { Description = description + "; 0 (default) means the tenant's policy default" };

    internal static FunctionImage LoadImage(string path)
    {
        if (File.Exists(path) && new FileInfo(path).Length > ManifestCodec.MaxImageBytes)
        {
            throw new CliError(path + " is larger than the " + ManifestCodec.MaxImageBytes + " bytes an image may have");
        }
        byte[] bytes = InputFile.ReadBytes(path);
        return ImageCodec.Decode(bytes, 0, bytes.Length, out string error)
            ?? throw new CliError(path + " is not a function image: " + error);
    }

    /// <summary>
    /// Writes next to <paramref name="path"/>, re-reads the file with the board's reader, and only
    /// then moves it into place, so a failed pack leaves no file and never a half-written one.
    /// </summary>
    private static Manifest WriteChecked(string path, byte[] bundle, byte[] publicPoint)
    {
        string temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllBytes(temporary, bundle);
            byte[] reread = File.ReadAllBytes(temporary);
            BundleReader.Open(reread, 0, reread.Length, new SingleKeyKeyring(publicPoint), out ParsedBundle parsed,
                out BundleError error, out string detail);
            if (error != BundleError.None)
            {
                throw new CliError("self-check failed, " + path + " not written: " + BundleErrorText.Name(error) + ": " + detail);
            }
            File.Move(temporary, path, overwrite: true);
            return parsed.Manifest;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Report(string path, int size, Manifest m, bool json)
    {
        if (json)
        {
            Console.WriteLine(new JsonObject
            {
                ["output"] = path,
                ["bytes"] = size,
                ["manifest"] = BundleReportJson.Manifest(m),
            }.ToJsonString());
            return;
        }
        Console.WriteLine("packed " + path + " (" + size + " bytes): tenant " + m.Tenant + ", slot " + m.Slot + ", sequence " + m.Sequence);
        Console.WriteLine("  image:   " + m.ImageSize + " bytes, sha-256 " + Convert.ToHexStringLower(m.Digest));
        Console.WriteLine("  helpers: " + (m.Helpers.Length == 0 ? "none" : string.Join(", ", m.Helpers)) + " (from the code)");
        if (m.I2c.Length > 0)
        {
            Console.WriteLine("  i2c:     " + string.Join(", ", m.I2c.Select(I2cSpecs.Describe)));
        }
        foreach ((string label, string[] items) in PeripheralSpecs.Lines(m).Where(l => l.Items.Length > 0))
        {
            Console.WriteLine("  " + (label + ":").PadRight(9) + string.Join(", ", items));
        }
        Console.WriteLine("  hooks:   " + (m.Hooks.Length == 0 ? "none" : string.Join(", ", m.Hooks.Select(RequestSpecs.Describe))));
    }
}
