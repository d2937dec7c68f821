using System.Security.Cryptography;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Signing;

namespace WasmBox.Nano.Deploy.Tests.Support;

/// <summary>Signed bundles for the tests: a function that answers payload length + a version marker, and the bad ones.</summary>
internal static class TestBundles
{
    public const string InvokeTopic = "acme/in";

    /// <summary>r0 = payload length + <paramref name="marker"/>: an invocation shows which version ran and that the payload arrived.</summary>
    public static byte[] Echo(long sequence, int marker, int slot = 1, string tenant = TestTenants.Acme, ECDsa? key = null, string name = "echo",
        HookRequest? hook = null) =>
        Sign(Image("call 144\nadd %r0, " + marker + "\nexit"), Fields(tenant, slot, sequence, name, hook), key ?? KeyOf(tenant));

    /// <summary>Answers a CoAP request on /acme/hello with the text "hi".</summary>
    public static byte[] CoapHello(long sequence, int slot) =>
        Sign(Image("""
            mov %r6, %r1
            mov %r1, %r6
            mov %r2, 69
            call 64
            mov %r1, %r6
            call 67
            mov %r1, 0x6968
            stxh [%r0], %r1
            mov %r0, 2
            exit
            """),
            Fields(TestTenants.Acme, slot, sequence, "hello", new HookRequest { Kind = HookKind.Coap, Path = "/acme/hello" }),
            TestTenants.AcmeKey);

    /// <summary>Calls gpio_write, which acme is not granted.</summary>
    public static byte[] NeedsTooMuch(long sequence) =>
        Sign(Image("mov %r1, 2\nmov %r2, 1\ncall 113\nexit"), Fields(TestTenants.Acme, 5, sequence, "greedy"), TestTenants.AcmeKey);

    /// <summary>
    /// No exit at the end: the board's verifier refuses it. Signed by hand, because the host's
    /// signer refuses to sign code the verifier would reject.
    /// </summary>
    public static byte[] Unverifiable(long sequence)
    {
        byte[] image = ImageCodec.Encode(Image("mov %r0, 1"));
        Manifest m = Fields(TestTenants.Acme, 6, sequence, "broken");
        m.Digest = SHA256.HashData(image);
        m.ImageSize = image.Length;
        byte[] manifest = ManifestCodec.Encode(m);
        byte[] signature = TestTenants.AcmeKey.SignData(BundleWriter.BytesToSign(manifest), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return BundleWriter.Write(manifest, signature, image);
    }

    /// <summary>A valid bundle with one bit of its signature flipped.</summary>
    public static byte[] BadSignature(long sequence)
    {
        FunctionImage image = Image("call 144\nexit");
        byte[] bundle = BundleSigner.Sign(image, Fields(TestTenants.Acme, 7, sequence, "tampered"), TestTenants.AcmeKey);
        int imageLength = ImageCodec.Encode(image).Length;
        int head = imageLength < 24 ? 1 : imageLength < 256 ? 2 : imageLength < 65536 ? 3 : 5;
        bundle[bundle.Length - imageLength - head - 64 + 10] ^= 0x01;
        return bundle;
    }

    public static Manifest Fields(string tenant, int slot, long sequence, string name, HookRequest? hook = null) => new()
    {
        Tenant = tenant,
        Slot = slot,
        Sequence = sequence,
        Name = name,
        Hooks = [hook ?? new HookRequest { Kind = HookKind.Mqtt, Path = InvokeTopic }],
        StackFrames = 1,
    };

    private static byte[] Sign(FunctionImage image, Manifest fields, ECDsa key) => BundleSigner.Sign(image, fields, key);

    private static FunctionImage Image(string source) => new(Assembler.Assemble(source), [], [], 0, [new EntryPoint("main", 0)]);

    private static ECDsa KeyOf(string tenant) =>
        tenant == TestTenants.Globex ? TestTenants.GlobexKey : tenant == TestTenants.Wide ? TestTenants.WideKey
        : tenant == TestTenants.Vault ? TestTenants.VaultKey : TestTenants.AcmeKey;
}
