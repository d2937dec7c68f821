using System.Security.Cryptography;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Signing;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.MemoryPlan.Measuring;

/// <summary>A signed bundle (by default about 2 KB: 240 instructions and 64 B of rodata) and the keyring that opens it.</summary>
public sealed class BundleSample
{
    public const int DefaultInstructions = 240;

    public BundleSample(int instructions = DefaultInstructions)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var image = new FunctionImage(SamplePrograms.Straight(instructions, 0x20), new byte[64], new byte[0], 0,
            [new EntryPoint("main", 0)]);
        var fields = new Manifest
        {
            Tenant = "t",
            Slot = 1,
            Sequence = 1,
            Name = "sample",
            Hooks = [new HookRequest { Kind = HookKind.Timer, PeriodMs = 1000 }],
            InstructionsPerRun = 10000,
            BranchesPerRun = 1000,
            RamBytes = 16384,
            StackFrames = 1,
        };
        Bytes = BundleSigner.Sign(image, fields, key);
        Keyring = new SingleKeyKeyring(TenantKeys.PublicPoint(key));
    }

    public byte[] Bytes { get; }

    public ITenantKeyring Keyring { get; }

    /// <summary>Parses, verifies and opens the bundle; throws when it does not open.</summary>
    public (ParsedBundle Parsed, FunctionImage Image) Open()
    {
        FunctionImage? image = BundleReader.Open(Bytes, 0, Bytes.Length, Keyring, out ParsedBundle parsed, out BundleError error, out string detail);
        return image is null ? throw new InvalidOperationException(error + ": " + detail) : (parsed, image);
    }
}
