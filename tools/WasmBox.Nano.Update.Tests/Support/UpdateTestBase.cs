using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Update.Tests.Support;

/// <summary>
/// Keys for acme and globex (provisioned) and initech (a key but no policy), a drive and a
/// booted device over it, and the bundles the tests deploy.
/// </summary>
public abstract class UpdateTestBase : IDisposable
{
    private readonly List<TestDevice> _devices = [];

    protected UpdateTestBase()
    {
        Keys = Signer.Keyring("acme", "globex", "initech");
        Device = Boot(Drive);
    }

    protected TestSigner Signer { get; } = new();

    protected Keyring Keys { get; }

    protected MemoryStorage Drive { get; } = new();

    protected TestDevice Device { get; private set; }

    /// <summary>A device booted over <paramref name="storage"/>, disposed with the test.</summary>
    protected TestDevice Boot(Runtime.Board.IStorage storage)
    {
        TestDevice device = TestDevice.Start(storage, Keys);
        _devices.Add(device);
        return device;
    }

    /// <summary>Power off and on: a new board, runtime and manager over the same drive.</summary>
    protected TestDevice Reboot() => Device = Boot(Drive);

    /// <summary>acme's LED blinker: toggles pin 2 every 500 ms and returns <paramref name="version"/>.</summary>
    protected byte[] Blinker(long sequence, int version = 0, int slot = 0, string? signer = null, string name = "blinker")
    {
        Manifest fields = TestSigner.Fields("acme", slot, sequence, name);
        fields.Pins = [new PinRequest(2, 3)];
        fields.Hooks = [new HookRequest { Kind = HookKind.Timer, PeriodMs = 500 }];
        return Signer.Bundle(BlinkerImage(version == 0 ? (int)sequence : version), fields, signer);
    }

    protected static FunctionImage BlinkerImage(int version) =>
        TestSigner.Image($"mov %r1, 2\ncall 0x72\nmov %r0, {version}\nexit");

    /// <summary>A function without pins or helpers returning <paramref name="sequence"/>.</summary>
    protected byte[] Plain(string tenant, int slot, long sequence, string? name = null, string? signer = null) =>
        Signer.Bundle(TestSigner.Image($"mov %r0, {sequence}\nexit"), TestSigner.Fields(tenant, slot, sequence, name ?? "f" + slot), signer);

    protected static void AssertAccepted(UpdateResult result, UpdateStatus status)
    {
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(status, result.Status);
        Assert.Equal(UpdateRefusal.None, result.Refusal);
    }

    protected static void AssertRefused(UpdateResult result, UpdateRefusal refusal)
    {
        Assert.False(result.Ok, result.ToString());
        Assert.Equal(UpdateStatus.Refused, result.Status);
        Assert.Equal(refusal, result.Refusal);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    public void Dispose()
    {
        foreach (TestDevice device in _devices)
        {
            device.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
