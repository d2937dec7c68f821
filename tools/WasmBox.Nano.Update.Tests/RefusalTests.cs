using System.Security.Cryptography;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Update.Tests.Support;

namespace WasmBox.Nano.Update.Tests;

/// <summary>
/// Every refusal a deployment can meet, each against a board where acme/0 runs version 5: the
/// code and its name are reported, and runtime, storage and sequences are exactly as before.
/// </summary>
public sealed class RefusalTests : UpdateTestBase
{
    private const long Installed = 5;

    public RefusalTests()
    {
        AssertAccepted(Device.Deploy(Blinker(Installed)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Plain("globex", 0, 1)), UpdateStatus.Installed);
    }

    public static TheoryData<string, UpdateRefusal, string> Cases => new()
    {
        { "oversized", UpdateRefusal.TooLarge, "too-large" },
        { "empty", UpdateRefusal.Malformed, "malformed" },
        { "garbage", UpdateRefusal.Malformed, "malformed" },
        { "truncated", UpdateRefusal.Malformed, "malformed" },
        { "es384-header", UpdateRefusal.UnsupportedAlgorithm, "unsupported-algorithm" },
        { "bad-name", UpdateRefusal.BadManifest, "bad-manifest" },
        { "hook-entry-missing", UpdateRefusal.BadManifest, "bad-manifest" },
        { "version-2", UpdateRefusal.UnsupportedVersion, "unsupported-version" },
        { "no-key", UpdateRefusal.UnknownTenant, "unknown-tenant" },
        { "other-tenants-key", UpdateRefusal.BadSignature, "bad-signature" },
        { "signature-flipped", UpdateRefusal.BadSignature, "bad-signature" },
        { "image-tampered", UpdateRefusal.DigestMismatch, "digest-mismatch" },
        { "image-garbage", UpdateRefusal.BadImage, "bad-image" },
        { "key-but-no-policy", UpdateRefusal.TenantNotProvisioned, "tenant-not-provisioned" },
        { "equal-sequence", UpdateRefusal.Replay, "replay" },
        { "lower-sequence", UpdateRefusal.Replay, "replay" },
        { "helper-not-granted", UpdateRefusal.NeedsExceedGrants, "needs-exceed-grants" },
        { "helper-not-declared", UpdateRefusal.NeedsExceedGrants, "needs-exceed-grants" },
        { "budget-beyond-grant", UpdateRefusal.NeedsExceedGrants, "needs-exceed-grants" },
        { "no-exit", UpdateRefusal.VerifierFailed, "verifier-failed" },
        { "jump-out-of-program", UpdateRefusal.VerifierFailed, "verifier-failed" },
        { "name-of-another-slot", UpdateRefusal.RuntimeRefused, "runtime-refused" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_refused_bundle_reports_its_code_and_changes_nothing(string name, UpdateRefusal expected, string code)
    {
        byte[] bundle = Bundle(name);
        string[] state = Device.State();
        string[] drive = Drive.Dump();

        UpdateResult result = Device.Deploy(bundle);

        AssertRefused(result, expected);
        Assert.Equal(code, UpdateRefusalText.Name(result.Refusal));
        Assert.Equal(state, Device.State());
        Assert.Equal(drive, Drive.Dump());
        Assert.Equal(Installed, Device.Updates.SequenceOf("acme", 0));
        AssertAccepted(Device.Deploy(Blinker(Installed + 1)), UpdateStatus.Updated);
    }

    [Fact]
    public void A_refusal_names_the_signed_tenant_slot_and_sequence_when_the_manifest_parsed()
    {
        UpdateResult result = Device.Deploy(Blinker(9, signer: "globex"));

        Assert.Equal(("acme", 0, 9L), (result.Tenant, result.Slot, result.Sequence));
        Assert.Contains("acme", result.Reason);
        Assert.Contains("bad-signature", result.ToString());
    }

    [Fact]
    public void A_runtime_refusal_after_the_switch_brings_the_old_function_back()
    {
        // Pins are checked by the runtime's own install, after the old container made way.
        Manifest fields = TestSigner.Fields("acme", 0, Installed + 1);
        fields.Pins = [new PinRequest(4, 3)];
        byte[] bundle = Signer.Bundle(TestSigner.Image("mov %r0, 0\nexit"), fields);
        string[] state = Device.State(withContainerIds: false);
        string[] drive = Drive.Dump();

        UpdateResult result = Device.Deploy(bundle);

        AssertRefused(result, UpdateRefusal.NeedsExceedGrants);
        Assert.Contains("pin 4", result.Reason);
        Assert.Equal(state, Device.State(withContainerIds: false));
        Assert.Equal(drive, Drive.Dump());
        Assert.Equal(Runtime.Containers.ContainerState.Running, Device.Function("acme", 0)!.Container.State);
    }

    [Fact]
    public void A_storage_failure_before_the_commit_refuses_and_changes_nothing()
    {
        var failing = new FaultyStorage(Drive, faultAt: 1, FaultMode.Fail);
        TestDevice device = Boot(failing);
        string[] state = device.State(withContainerIds: false);
        string[] drive = Drive.Dump();

        UpdateResult result = device.Deploy(Blinker(Installed + 1));

        AssertRefused(result, UpdateRefusal.StorageFailed);
        Assert.Equal(state, device.State(withContainerIds: false));
        Assert.Equal(drive, Drive.Dump());
        AssertAccepted(device.Deploy(Blinker(Installed + 1)), UpdateStatus.Updated);
    }

    [Fact]
    public void Random_bytes_never_crash_the_manager()
    {
        var random = new Random(1234);
        byte[] good = Blinker(Installed + 1);
        for (int i = 0; i < 300; i++)
        {
            byte[] input = i % 2 == 0 ? RandomBytes(random, random.Next(0, 400)) : Mutated(random, good);
            UpdateResult deploy = Device.Deploy(input);
            UpdateResult command = Device.Execute(input);
            Assert.True(deploy.Ok ? deploy.Status == UpdateStatus.Updated : deploy.Reason is not null, deploy.ToString());
            Assert.False(command.Ok, command.ToString());
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutated(Random random, byte[] good)
    {
        byte[] copy = (byte[])good.Clone();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private byte[] Bundle(string name)
    {
        long next = Installed + 1;
        switch (name)
        {
            case "oversized": return new byte[Device.Updates.MaxBundleBytes + 1];
            case "empty": return [];
            case "garbage": return System.Text.Encoding.ASCII.GetBytes("this is not a bundle at all");
            case "truncated": return Blinker(next)[..^10];
            case "es384-header":
            {
                byte[] b = Blinker(next);
                int at = IndexOf(b, [0x43, 0xa1, 0x01, 0x26]) + 3;
                b[at] = 0x38; // alg -8 would need two bytes; any other value is not ES256
                return b;
            }
            case "bad-name": return Plain("acme", 0, next, name: "Not A Name");
            case "hook-entry-missing":
            {
                Manifest fields = TestSigner.Fields("acme", 0, next);
                fields.Hooks = [new HookRequest { Kind = HookKind.Timer, PeriodMs = 500, Entry = 3 }];
                return Signer.Bundle(TestSigner.Image("mov %r0, 0\nexit"), fields);
            }
            case "version-2":
            {
                FunctionImage image = TestSigner.Image("mov %r0, 0\nexit");
                byte[] encoded = ImageCodec.Encode(image);
                Manifest fields = TestSigner.Fields("acme", 0, next);
                fields.Digest = SHA256.HashData(encoded);
                fields.ImageSize = encoded.Length;
                byte[] manifest = ManifestCodec.Encode(fields);
                Assert.Equal([0xac, 0x01, 0x01], manifest[..3]);
                manifest[2] = 0x02;
                return Signer.BundleOfManifest(manifest, encoded, "acme");
            }
            case "no-key": return Plain("umbrella", 0, next, signer: "acme");
            case "other-tenants-key": return Blinker(next, signer: "globex");
            case "signature-flipped":
            {
                byte[] b = Blinker(next);
                int imageStart = b.Length - ImageCodec.Encode(BlinkerImage((int)next)).Length;
                b[imageStart - 10] ^= 0x01; // inside the 64-byte signature, just before the image's head
                return b;
            }
            case "image-tampered":
            {
                byte[] b = Blinker(next);
                b[^3] ^= 0x40; // inside the image's bytecode
                return b;
            }
            case "image-garbage": return Signer.BundleOfEncodedImage([0x85, 0x40, 0x40, 0x40, 0x00, 0x80], TestSigner.Fields("acme", 0, next));
            case "key-but-no-policy": return Plain("initech", 0, next);
            case "equal-sequence": return Blinker(Installed, version: 42);
            case "lower-sequence": return Blinker(Installed - 2, version: 42);
            case "helper-not-granted": return Signer.Bundle(TestSigner.Image("call 0x11\nexit"), TestSigner.Fields("acme", 0, next));
            case "helper-not-declared":
            {
                Manifest fields = TestSigner.Fields("acme", 0, next);
                return Signer.BundleOfEncodedImage(ImageCodec.Encode(TestSigner.Image("call 0x20\nexit")), fields, helpers: []);
            }
            case "budget-beyond-grant":
            {
                Manifest fields = TestSigner.Fields("acme", 0, next);
                fields.RamBytes = 1 << 20;
                return Signer.Bundle(TestSigner.Image("mov %r0, 0\nexit"), fields);
            }
            case "no-exit": return Signer.Bundle(TestSigner.Image("mov %r0, 0"), TestSigner.Fields("acme", 0, next));
            case "jump-out-of-program": return Signer.Bundle(TestSigner.Image("ja +5\nexit"), TestSigner.Fields("acme", 0, next));
            case "name-of-another-slot": return Plain("acme", 1, 1, name: "blinker");
            default: throw new ArgumentException(name);
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        int at = haystack.AsSpan().IndexOf(needle);
        Assert.True(at >= 0);
        return at;
    }
}
