using WasmBox.Nano.Bundle.Tests.Support;
using WasmBox.Nano.Cbor;
using static WasmBox.Nano.Bundle.Tests.Support.ManifestDraft;

namespace WasmBox.Nano.Bundle.Tests;

/// <summary>Each manifest rule of BUNDLE-FORMAT.md, broken alone, gives BadManifest with a detail that names it.</summary>
public class ManifestRuleTests
{
    private static readonly Dictionary<string, (Func<byte[]> Manifest, string Detail)> Cases = new()
    {
        ["not a map"] = (() => Single(w => w.WriteArrayStart(0)), "manifest is not a map"),
        ["text key"] = (() => Single(w =>
        {
            w.WriteMapStart(1);
            w.WriteText("version");
            w.WriteUInt(1);
        }), "manifest keys must be unsigned integers"),
        ["duplicate key"] = (() => new ManifestDraft().Without(12).Append(3, w => w.WriteUInt(4)).Encode(), "manifest key 3 is duplicated or out of order"),
        ["keys out of order"] = (() => new ManifestDraft().Without(3).Append(3, w => w.WriteUInt(4)).Encode(), "manifest key 3 is duplicated or out of order"),
        ["unknown key"] = (() => new ManifestDraft().Set(13, w => w.WriteUInt(0)).Encode(), "unknown manifest key 13"),
        ["missing digest"] = (() => new ManifestDraft().Without(5).Encode(), "manifest lacks required key 5"),
        ["missing tenant"] = (() => new ManifestDraft().Without(2).Encode(), "manifest lacks required key 2"),
        ["trailing bytes"] = (() => [.. new ManifestDraft().Encode(), 0x00], "manifest has trailing bytes"),
        ["uppercase tenant"] = (() => new ManifestDraft().Set(2, w => w.WriteText("Acme")).Encode(), "tenant must be 1-32 characters"),
        ["empty tenant"] = (() => new ManifestDraft().Set(2, w => w.WriteText("")).Encode(), "tenant must be 1-32 characters"),
        ["long tenant"] = (() => new ManifestDraft().Set(2, w => w.WriteText(new string('a', 33))).Encode(), "tenant must be 1-32 characters"),
        ["tenant as bytes"] = (() => new ManifestDraft().Set(2, w => w.WriteBytes("acme"u8.ToArray())).Encode(), "tenant must be 1-32 characters"),
        ["slot 256"] = (() => new ManifestDraft().Set(3, w => w.WriteUInt(256)).Encode(), "slot must be 0-255"),
        ["negative slot"] = (() => new ManifestDraft().Set(3, w => w.WriteInt(-1)).Encode(), "slot must be 0-255"),
        ["sequence 0"] = (() => new ManifestDraft().Set(4, w => w.WriteUInt(0)).Encode(), "sequence must be 1 to 2^63-1"),
        ["sequence 2^63"] = (() => new ManifestDraft().Set(4, w => w.WriteUInt(1UL << 63)).Encode(), "sequence must be 1 to 2^63-1"),
        ["short digest"] = (() => new ManifestDraft().Set(5, w => w.WriteBytes(new byte[31])).Encode(), "digest must be 32 bytes"),
        ["long digest"] = (() => new ManifestDraft().Set(5, w => w.WriteBytes(new byte[33])).Encode(), "digest must be 32 bytes"),
        ["image-size 0"] = (() => new ManifestDraft().Set(6, w => w.WriteUInt(0)).Encode(), "image-size must be 1-65536"),
        ["image-size 65537"] = (() => new ManifestDraft().Set(6, w => w.WriteUInt(65537)).Encode(), "image-size must be 1-65536"),
        ["long name"] = (() => new ManifestDraft().Set(7, w => w.WriteText(new string('n', 33))).Encode(), "name must be text of at most 32 bytes"),
        ["nine hooks"] = (() => new ManifestDraft().Set(8, Hooks(Enumerable.Repeat(Hook(5, a => a.WriteNull(), 0), 9).ToArray())).Encode(),
            "hooks must be an array of at most 8"),
        ["hook of two items"] = (() => new ManifestDraft().Set(8, Hooks(w => Array(w, 2, a => a.WriteUInt(5), a => a.WriteNull()))).Encode(),
            "hook 0 must be [kind, argument, entry]"),
        ["hook kind 7"] = (() => new ManifestDraft().Set(8, Hooks(Hook(7, a => a.WriteNull(), 0))).Encode(), "hook 0: unknown hook kind 7"),
        ["timer 9 ms"] = (() => new ManifestDraft().Set(8, Hooks(Hook(1, a => a.WriteUInt(9), 0))).Encode(), "timer period must be at least 10 ms"),
        ["gpio edge 4"] = (() => new ManifestDraft().Set(8, Hooks(Hook(2, a => Array(a, 2, p => p.WriteUInt(4), p => p.WriteUInt(4)), 0))).Encode(),
            "gpio-edge argument must be [pin, edge 1-3]"),
        ["gpio without edge"] = (() => new ManifestDraft().Set(8, Hooks(Hook(2, a => a.WriteUInt(4), 0))).Encode(),
            "gpio-edge argument must be [pin, edge 1-3]"),
        ["empty mqtt topic"] = (() => new ManifestDraft().Set(8, Hooks(Hook(3, a => a.WriteText(""), 0))).Encode(), "mqtt topic must be 1-64 bytes"),
        ["long mqtt topic"] = (() => new ManifestDraft().Set(8, Hooks(Hook(3, a => a.WriteText(new string('t', 65)), 0))).Encode(),
            "mqtt topic must be 1-64 bytes"),
        ["long coap path"] = (() => new ManifestDraft().Set(8, Hooks(Hook(4, a => a.WriteText(new string('p', 33)), 0))).Encode(),
            "coap path must be 1-32 bytes"),
        ["boot with argument"] = (() => new ManifestDraft().Set(8, Hooks(Hook(5, a => a.WriteUInt(1), 0))).Encode(), "boot and install hooks take null"),
        ["hook entry 8"] = (() => new ManifestDraft().Set(8, Hooks(Hook(6, a => a.WriteNull(), 8))).Encode(), "hook 0: entry must be 0-7"),
        ["helpers unsorted"] = (() => new ManifestDraft().Set(9, w => Array(w, 2, a => a.WriteUInt(16), a => a.WriteUInt(1))).Encode(),
            "helpers must be ascending distinct ids 0-255"),
        ["helpers duplicated"] = (() => new ManifestDraft().Set(9, w => Array(w, 2, a => a.WriteUInt(1), a => a.WriteUInt(1))).Encode(),
            "helpers must be ascending distinct ids 0-255"),
        ["helper 256"] = (() => new ManifestDraft().Set(9, w => Array(w, 1, a => a.WriteUInt(256))).Encode(),
            "helpers must be ascending distinct ids 0-255"),
        ["pin mode 4"] = (() => new ManifestDraft().Set(10, w => Array(w, 1, a => Array(a, 2, p => p.WriteUInt(2), p => p.WriteUInt(4)))).Encode(),
            "pin 0 must be [pin, mode 0-3]"),
        ["pin not a pair"] = (() => new ManifestDraft().Set(10, w => Array(w, 1, a => a.WriteUInt(2))).Encode(), "pin 0 must be [pin, mode 0-3]"),
        ["long sensor name"] = (() => new ManifestDraft().Set(11, w => Array(w, 1, a => a.WriteText(new string('s', 33)))).Encode(),
            "sensor 0 must be a name of at most 32 bytes"),
        ["budget key 5"] = (() => new ManifestDraft().Set(12, w =>
        {
            w.WriteMapStart(1);
            w.WriteUInt(5);
            w.WriteUInt(1);
        }).Encode(), "budgets keys must be 1-4 in ascending order"),
        ["budgets out of order"] = (() => new ManifestDraft().Set(12, w =>
        {
            w.WriteMapStart(2);
            w.WriteUInt(2);
            w.WriteUInt(1);
            w.WriteUInt(1);
            w.WriteUInt(1);
        }).Encode(), "budgets keys must be 1-4 in ascending order"),
        ["budgets not a map"] = (() => new ManifestDraft().Set(12, w => w.WriteArrayStart(0)).Encode(), "budgets must be a map of at most 4 entries"),
        ["spi mode 4"] = (() => new ManifestDraft().Set(17, w => Array(w, 1, a => Row(a, 0, 5, 1000000, 4, 23, 19, 18))).Encode(),
            "spi device 0 must be [bus 0-7, chip-select pin, clock"),
        ["spi clock 0"] = (() => new ManifestDraft().Set(17, w => Array(w, 1, a => Row(a, 0, 5, 0, 0, 23, 19, 18))).Encode(),
            "spi device 0 must be"),
        ["uart baud 0"] = (() => new ManifestDraft().Set(18, w => Array(w, 1, a => Row(a, 2, 0, 17, 16))).Encode(),
            "uart 0 must be [port 0-7, baud"),
        ["uart of three"] = (() => new ManifestDraft().Set(18, w => Array(w, 1, a => Row(a, 2, 9600, 17))).Encode(), "uart 0 must be"),
        ["pwm channel 32"] = (() => new ManifestDraft().Set(19, w => Array(w, 1, a => Row(a, 32, 25))).Encode(),
            "pwm channel 0 must be [channel 0-31, pin]"),
        ["adc pin 1024"] = (() => new ManifestDraft().Set(20, w => Array(w, 1, a => Row(a, 6, 1024))).Encode(),
            "adc channel 0 must be [channel 0-31, pin]"),
        ["65 adc channels"] = (() => new ManifestDraft().Set(20, w => Array(w, 65, Enumerable.Repeat<Action<CborWriter>>(a => Row(a, 6, 34), 65).ToArray())).Encode(),
            "adc channels must be an array of at most 64"),
        [Oversized] = (() => new ManifestDraft().Set(7, w => w.WriteBytes(new byte[2100])).Encode(), "manifest is 2"),
    };

    private const string Oversized = "manifest over 2 KiB";

    private static void Row(CborWriter w, params int[] values)
    {
        w.WriteArrayStart(values.Length);
        foreach (int v in values)
        {
            w.WriteUInt((ulong)v);
        }
    }

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    /// <summary>The envelope refuses payloads over the manifest limit itself (Malformed), so that case is not wrapped.</summary>
    public static TheoryData<string> WrappableCaseNames() => new(Cases.Keys.Where(k => k != Oversized));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_broken_rule_is_named(string name)
    {
        var (manifest, detailPart) = Cases[name];
        byte[] bytes = manifest();

        Manifest? m = ManifestCodec.Decode(bytes, 0, bytes.Length, out BundleError error, out string detail);

        Assert.Null(m);
        Assert.Equal(BundleError.BadManifest, error);
        Assert.Contains(detailPart, detail);
    }

    [Theory]
    [MemberData(nameof(WrappableCaseNames))]
    public void A_broken_manifest_is_refused_before_its_signature_is_checked(string name)
    {
        byte[] bytes = Cases[name].Manifest();
        byte[] bundle = Samples.Raw(bytes, ImageCodec.Encode(Samples.Image()), Tenants.KeyA);
        var keys = new CountingKeyring(Tenants.Both);

        Assert.Null(Samples.Open(bundle, keys, out BundleError error, out _));
        Assert.Equal(BundleError.BadManifest, error);
        Assert.Equal(0, keys.Lookups);
    }

    [Theory]
    [InlineData(2UL)]
    [InlineData(0UL)]
    [InlineData(ulong.MaxValue)]
    public void Another_format_version_is_unsupported(ulong version)
    {
        byte[] bytes = new ManifestDraft().Set(1, w => w.WriteUInt(version)).Encode();

        Assert.Null(ManifestCodec.Decode(bytes, 0, bytes.Length, out BundleError error, out string detail));
        Assert.Equal(BundleError.UnsupportedVersion, error);
        Assert.Contains("manifest version " + version + " is not supported", detail);

        byte[] bundle = Samples.Raw(bytes, ImageCodec.Encode(Samples.Image()), Tenants.KeyA);
        Assert.Null(Samples.Open(bundle, Tenants.Both, out BundleError bundleError, out _));
        Assert.Equal(BundleError.UnsupportedVersion, bundleError);
    }

    [Fact]
    public void The_valid_draft_decodes_so_each_case_breaks_only_its_rule()
    {
        byte[] bytes = new ManifestDraft().Encode();
        Manifest? m = ManifestCodec.Decode(bytes, 0, bytes.Length, out BundleError error, out string detail);
        Assert.True(m is not null, detail);
        Assert.Equal(BundleError.None, error);
    }

    [Fact]
    public void Only_keys_1_to_6_are_required()
    {
        var draft = new ManifestDraft();
        for (int key = 7; key <= 12; key++)
        {
            draft.Without(key);
        }
        byte[] bytes = draft.Encode();

        Manifest? m = ManifestCodec.Decode(bytes, 0, bytes.Length, out _, out string detail);

        Assert.True(m is not null, detail);
        Assert.Equal("", m.Name);
        Assert.Empty(m.Hooks);
        Assert.Equal(0, m.InstructionsPerRun);
    }

    private static byte[] Single(Action<CborWriter> write)
    {
        var w = new CborWriter();
        write(w);
        return w.ToArray();
    }

    private sealed class CountingKeyring(ITenantKeyring inner) : ITenantKeyring
    {
        public int Lookups { get; private set; }

        public byte[] PublicKeyOf(string tenant)
        {
            Lookups++;
            return inner.PublicKeyOf(tenant);
        }
    }
}
