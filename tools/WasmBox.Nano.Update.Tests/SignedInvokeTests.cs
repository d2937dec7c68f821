using System.Security.Cryptography;
using System.Text;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cbor;
using WasmBox.Nano.Update.Tests.Support;

namespace WasmBox.Nano.Update.Tests;

/// <summary>
/// The device's check of signed invocations (<see cref="SignedInvokes"/>) with real ES256
/// signatures from .NET keys, and the wire format against SIGNED-INVOKE-FORMAT.md.
/// </summary>
public class SignedInvokeTests
{
    private const string Device = "kitchen-01";
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes("hello");

    private readonly TestSigner _signer = new();
    private readonly MemoryStorage _drive = new();
    private readonly SignedInvokes _check;

    public SignedInvokeTests()
    {
        _check = new SignedInvokes(Device, _signer.Keyring("acme", "globex"), _drive);
    }

    [Fact]
    public void A_signed_invocation_is_accepted_its_payload_handed_out_and_its_counter_persisted()
    {
        byte[] message = Signed(7);

        Assert.Equal(InvokeCheck.Accepted, Check(message, out int offset, out int length, out string? reason));

        Assert.Null(reason);
        Assert.Equal(Payload, message.AsSpan(offset, length).ToArray());
        Assert.Equal(7, _check.LastCounter("acme", 1));
        Assert.Equal(0, _check.LastCounter("acme", 2));
        Assert.Equal([0x07], _drive.Read("inv.acme.1"));
    }

    [Fact]
    public void Each_refusal_names_its_cause_and_moves_no_counter()
    {
        Assert.Equal(InvokeCheck.Accepted, Check(Signed(5)));
        byte[] tampered = Signed(9);
        tampered[^1] ^= 0x20;
        byte[] badHeader = Signed(9);
        badHeader[5] = 0x27; // protected header {1: -8}

        Assert.Equal(InvokeCheck.SignatureRequired, Check(Payload));
        Assert.Equal(InvokeCheck.SignatureRequired, Check([]));
        Assert.Equal(InvokeCheck.Malformed, Check(badHeader));
        Assert.Equal(InvokeCheck.Malformed, Check([.. Signed(9), 0x00]));
        Assert.Equal(InvokeCheck.Replay, Check(Signed(5)));
        Assert.Equal(InvokeCheck.Replay, Check(Signed(4)));
        Assert.Equal(InvokeCheck.BadSignature, Check(Signed(9, signer: "globex")));
        Assert.Equal(InvokeCheck.DigestMismatch, Check(tampered));
        Assert.Equal(InvokeCheck.WrongTarget, Check(Signed(9, device: "kitchen-02")));
        Assert.Equal(InvokeCheck.WrongTarget, Check(Signed(9, slot: 2)));
        Assert.Equal(InvokeCheck.WrongTarget, Check(Signed(9, tenant: "globex", signer: "globex")));

        Assert.Equal(5, _check.LastCounter("acme", 1));
        Assert.Equal(InvokeCheck.Accepted, Check(Signed(9)));
    }

    [Fact]
    public void A_bundle_signature_over_the_same_claims_bytes_never_verifies_as_an_invocation()
    {
        // Same key, same claims, but signed as bundles and commands are (empty external AAD).
        byte[] claims = Claims(3, Device, "acme", 1);
        byte[] message = SignedInvokeCodec.Write(claims, _signer.Sign(CommandWriter.BytesToSign(claims), "acme"), Payload);

        Assert.Equal(InvokeCheck.BadSignature, Check(message));
    }

    [Fact]
    public void The_counter_survives_a_reboot_and_an_unreadable_record_refuses_everything()
    {
        Assert.Equal(InvokeCheck.Accepted, Check(Signed(100)));
        var rebooted = new SignedInvokes(Device, _signer.Keyring("acme"), _drive);
        Assert.Equal(InvokeCheck.Replay, rebooted.Check("acme", 1, Signed(100), Signed(100).Length, out _, out _, out _));

        _drive.Write("inv.acme.1", [0xff], 0, 1);
        byte[] fresh = Signed(101);
        Assert.Equal(InvokeCheck.StorageFailed, rebooted.Check("acme", 1, fresh, fresh.Length, out _, out _, out string? reason));
        Assert.Contains("cannot be read", reason);
    }

    [Fact]
    public void A_counter_that_cannot_be_stored_runs_nothing()
    {
        var failing = new SignedInvokes(Device, _signer.Keyring("acme"), new FaultyStorage(_drive, 1, FaultMode.Fail));
        byte[] message = Signed(1);

        Assert.Equal(InvokeCheck.StorageFailed, failing.Check("acme", 1, message, message.Length, out _, out int length, out _));
        Assert.Equal(0, length);
        Assert.Equal(0, _check.LastCounter("acme", 1));
    }

    [Fact]
    public void The_documented_example_claims_are_what_the_codec_writes_byte_for_byte()
    {
        string doc = File.ReadAllText(RepoPath("src/WasmBox.Nano.Bundle/SIGNED-INVOKE-FORMAT.md"));
        byte[] claims = new InvokeClaims("kitchen-01", "acme", 1, 1_764_684_000_000_000, SHA256.HashData(Payload)).Encode();
        string[] documented =
        [
            "a6", "01 01", "02 6a 6b69746368656e2d3031", "03 64 61636d65", "04 01", "05 1b 000644f882f5f800",
            "06 5820 " + Convert.ToHexStringLower(SHA256.HashData(Payload)),
        ];

        Assert.Equal(string.Concat(documented).Replace(" ", ""), Convert.ToHexStringLower(claims));
        Assert.All(documented, line => Assert.Contains("   " + line, doc));
        Assert.Contains(Convert.ToHexStringLower(SignedInvokeCodec.ExternalAad()), doc);
        Assert.Equal("wasmbox-nano/invoke/1", Encoding.ASCII.GetString(SignedInvokeCodec.ExternalAad()));
        Assert.Equal(150, SignedInvokeCodec.Write(claims, new byte[64], Payload).Length);
    }

    [Fact]
    public void The_largest_envelope_fits_the_documented_overhead()
    {
        byte[] claims = Claims(long.MaxValue, new string('d', 64), new string('t', 32), 255);
        byte[] message = SignedInvokeCodec.Write(claims, new byte[64], new byte[1024]);

        Assert.True(claims.Length <= InvokeClaims.MaxClaimsBytes, claims.Length + " bytes of claims");
        Assert.Equal(232, message.Length - 1024);
        Assert.True(message.Length - 1024 <= SignedInvokeCodec.MaxOverheadBytes);
    }

    [Theory]
    [InlineData("version 2", 2, 1)]
    [InlineData("counter 0", 1, 0)]
    public void Claims_out_of_their_rules_are_malformed(string what, int version, long counter)
    {
        var w = new CborWriter();
        w.WriteMapStart(6);
        w.WriteUInt(1); w.WriteUInt((ulong)version);
        w.WriteUInt(2); w.WriteText(Device);
        w.WriteUInt(3); w.WriteText("acme");
        w.WriteUInt(4); w.WriteUInt(1);
        w.WriteUInt(5); w.WriteUInt((ulong)counter);
        w.WriteUInt(6); w.WriteBytes(SHA256.HashData(Payload));
        byte[] claims = w.ToArray();
        byte[] message = SignedInvokeCodec.Write(claims, _signer.Sign(SignedInvokeCodec.BytesToSign(claims), "acme"), Payload);

        Assert.True(InvokeCheck.Malformed == Check(message), what);
    }

    private InvokeCheck Check(byte[] message) => Check(message, out _, out _, out _);

    private InvokeCheck Check(byte[] message, out int offset, out int length, out string? reason)
    {
        InvokeCheck check = _check.Check("acme", 1, message, message.Length, out offset, out length, out reason);
        if (check != InvokeCheck.Accepted)
            Assert.False(string.IsNullOrEmpty(reason));
        return check;
    }

    private byte[] Signed(long counter, string device = Device, string tenant = "acme", int slot = 1, string? signer = null)
    {
        byte[] claims = Claims(counter, device, tenant, slot);
        return SignedInvokeCodec.Write(claims, _signer.Sign(SignedInvokeCodec.BytesToSign(claims), signer ?? tenant), Payload);
    }

    private static byte[] Claims(long counter, string device, string tenant, int slot) =>
        new InvokeClaims(device, tenant, slot, counter, SHA256.HashData(Payload)).Encode();

    private static string RepoPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WasmBox.Nano.Host.slnf")))
                return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException("the repository root (WasmBox.Nano.Host.slnf) is not above " + AppContext.BaseDirectory);
    }
}
