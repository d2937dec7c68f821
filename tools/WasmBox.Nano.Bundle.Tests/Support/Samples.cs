using System.Security.Cryptography;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Signing;

namespace WasmBox.Nano.Bundle.Tests.Support;

/// <summary>A hand-made function image (assembled text, rodata, data, bss, two entries) and bundles of it.</summary>
internal static class Samples
{
    /// <summary>Calls helpers 16, 1 and 16 again, and a local function that is also the second entry.</summary>
    public const string Source = """
        mov %r6, %r1
        lddw %r1, 0x40000000
        call 16
        call 1
        call 16
        call local tick
        exit
        tick:
        mov %r0, 7
        exit
        """;

    public static FunctionImage Image() => new(
        Assembler.Assemble(Source),
        "hello\0"u8.ToArray(),
        [1, 2, 3, 4],
        16,
        [new EntryPoint("main", 0), new EntryPoint("tick", 8)]);

    /// <summary>Manifest fields touching every key; digest, size and helpers are the signer's to fill in.</summary>
    public static Manifest Fields(string tenant = Tenants.A, int slot = 3, long sequence = 7) => new()
    {
        Tenant = tenant,
        Slot = slot,
        Sequence = sequence,
        Name = "sample",
        Hooks =
        [
            new HookRequest { Kind = HookKind.Timer, PeriodMs = 1000 },
            new HookRequest { Kind = HookKind.GpioEdge, Pin = 4, Edge = 1, Entry = 1 },
            new HookRequest { Kind = HookKind.Mqtt, Path = "sensors/+" },
            new HookRequest { Kind = HookKind.Coap, Path = "led" },
            new HookRequest { Kind = HookKind.Boot },
            new HookRequest { Kind = HookKind.Install, Entry = 1 },
        ],
        Pins = [new PinRequest(2, 3), new PinRequest(5, 1)],
        Sensors = ["temp0", "hum0"],
        InstructionsPerRun = 5000,
        BranchesPerRun = 500,
        RamBytes = 2048,
        StackFrames = 2,
    };

    public static byte[] Bundle(string tenant = Tenants.A, ECDsa? key = null) => BundleSigner.Sign(Image(), Fields(tenant), key ?? Tenants.KeyA);

    /// <summary>A bundle assembled by hand around any manifest bytes and image bytes, signed with <paramref name="key"/>.</summary>
    public static byte[] Raw(byte[] manifest, byte[] image, ECDsa key) => BundleWriter.Write(manifest, Sign(manifest, key), image);

    public static byte[] Sign(byte[] manifest, ECDsa key) =>
        key.SignData(BundleWriter.BytesToSign(manifest), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The manifest the signer would write for the sample image, for hand-made variants.</summary>
    public static Manifest CompleteManifest(byte[] image, string tenant = Tenants.A)
    {
        Manifest m = Fields(tenant);
        m.Digest = SHA256.HashData(image);
        m.ImageSize = image.Length;
        m.Helpers = [1, 16];
        return m;
    }

    /// <summary>Where the 64 signature bytes start: right before the image's byte-string head, which ends the bundle.</summary>
    public static int SignatureOffset(byte[] bundle, int imageLength)
    {
        int head = imageLength < 24 ? 1 : imageLength < 256 ? 2 : imageLength < 65536 ? 3 : 5;
        return bundle.Length - imageLength - head - 64;
    }

    public static FunctionImage? Open(byte[] bundle, ITenantKeyring keys, out BundleError error, out string detail) =>
        BundleReader.Open(bundle, 0, bundle.Length, keys, out _, out error, out detail);
}
