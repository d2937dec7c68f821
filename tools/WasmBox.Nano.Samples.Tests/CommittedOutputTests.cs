using System.Security.Cryptography;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Samples.Tests.Support;
using WasmBox.Nano.Signing;
using WasmBox.Nano.Signing.Authoring;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Samples.Tests;

/// <summary>
/// tools/samples/out holds exactly what build.sh produces: the images byte for byte, and
/// bundles whose manifest and image are what a fresh pack gives (ECDSA signatures are
/// randomized, so those are checked by verifying), signed with the committed demo keys.
/// </summary>
public class CommittedOutputTests
{
    private static byte[] Read(string path)
    {
        Assert.True(File.Exists(path), path + " is missing: run tools/samples/build.sh");
        return File.ReadAllBytes(path);
    }

    private static ParsedBundle OpenCommitted(SampleSpec sample, ITenantKeyring keys, out FunctionImage? image, out BundleError error)
    {
        byte[] bundle = Read(sample.BundlePath);
        image = BundleReader.Open(bundle, 0, bundle.Length, keys, out ParsedBundle parsed, out error, out _);
        return parsed;
    }

    /// <summary>The manifest fields build.sh passes to `wbx pack` for this sample.</summary>
    private static Manifest PackFields(SampleSpec sample, FunctionImage image) => new()
    {
        Tenant = sample.Tenant,
        Slot = sample.Slot,
        Sequence = 1,
        Name = sample.Name,
        Hooks = sample.Hooks.Select(h => RequestSpecs.ParseHook(h, image)).ToArray(),
        Pins = sample.Pins.Select(RequestSpecs.ParsePin).ToArray(),
        Sensors = sample.Sensors,
        InstructionsPerRun = sample.Budgets.Instructions,
        BranchesPerRun = sample.Budgets.Branches,
        RamBytes = sample.Budgets.RamBytes,
        StackFrames = sample.Budgets.StackFrames,
    };

    [SkippableTheory]
    [MemberData(nameof(SampleCatalog.Names), MemberType = typeof(SampleCatalog))]
    public void CommittedImageIsWhatClangBuildsNow(string name)
    {
        SampleSpec sample = SampleCatalog.Named(name);
        byte[] built = ImageCodec.Encode(SampleBuilds.Build(sample).Image);
        Assert.Equal(Read(sample.ImagePath), built);
    }

    [SkippableTheory]
    [MemberData(nameof(SampleCatalog.Names), MemberType = typeof(SampleCatalog))]
    public void CommittedBundleHasTheManifestAndImageAFreshPackGives(string name)
    {
        SampleSpec sample = SampleCatalog.Named(name);
        FunctionImage image = SampleBuilds.Build(sample).Image;
        using ECDsa key = TenantKeys.LoadPrivateKey(KeyPairFiles.PrivateKeyPath(SamplePaths.Keys, sample.Tenant));
        byte[] fresh = BundleSigner.Sign(image, PackFields(sample, image), key);
        ParsedBundle expected = BundleReader.Parse(fresh, 0, fresh.Length, out _, out _);

        ParsedBundle committed = OpenCommitted(sample, new DirectoryKeyring(SamplePaths.Keys), out FunctionImage? opened, out BundleError error);

        Assert.Equal(BundleError.None, error);
        Assert.Equal(expected.ManifestBytes(), committed.ManifestBytes());
        Assert.Equal(Read(sample.ImagePath), ImageCodec.Encode(opened!));
    }

    [SkippableTheory]
    [MemberData(nameof(SampleCatalog.Names), MemberType = typeof(SampleCatalog))]
    public void CommittedBundleVerifiesOnlyWithItsTenantsDemoKey(string name)
    {
        SampleSpec sample = SampleCatalog.Named(name);
        OpenCommitted(sample, new DirectoryKeyring(SamplePaths.Keys), out _, out BundleError own);
        Assert.Equal(BundleError.None, own);

        foreach (string other in SampleCatalog.All.Select(s => s.Tenant).Distinct().Where(t => t != sample.Tenant))
        {
            byte[] otherKey = TenantKeys.LoadPublicKey(KeyPairFiles.PublicKeyPath(SamplePaths.Keys, other));
            OpenCommitted(sample, new SingleKeyKeyring(otherKey), out _, out BundleError foreign);
            Assert.Equal(BundleError.BadSignature, foreign);
        }
    }

    [Fact]
    public void BuildScriptPacksEverySampleInTheCatalog()
    {
        string script = File.ReadAllText(Path.Combine(SamplePaths.Root, "build.sh"));
        foreach (SampleSpec sample in SampleCatalog.All)
        {
            Assert.Contains("build " + sample.Name + " " + sample.Source + " " + sample.Entry + "\n", script);
            Assert.Contains("pack  " + sample.Name + " " + sample.Tenant + " " + sample.Slot + " ", script);
        }
    }
}
