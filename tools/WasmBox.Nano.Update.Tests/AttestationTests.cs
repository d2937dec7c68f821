using System.Security.Cryptography;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Update.Tests.Support;

namespace WasmBox.Nano.Update.Tests;

public sealed class AttestationTests : UpdateTestBase
{
    private static readonly byte[] DeviceKey = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private Attestor NewAttestor(TestDevice device) => new("board-7", DeviceKey, device.Updates, "wasmbox-nano 0.1");

    [Fact]
    public void A_report_verifies_and_lists_every_installed_function_sorted()
    {
        AssertAccepted(Device.Deploy(Plain("globex", 2, 3)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Blinker(2)), UpdateStatus.Updated);
        ((SteppedClock)Device.Board.Clock).Advance(1234);
        byte[] nonce = RandomNumberGenerator.GetBytes(16);

        byte[] message = NewAttestor(Device).Report(nonce);

        Assert.Null(AttestationVerifier.Verify(message, DeviceKey, nonce, out AttestationReport? report));
        Assert.NotNull(report);
        Assert.Equal(("board-7", "wasmbox-nano 0.1", 6234L), (report.DeviceId, report.RuntimeVersion, report.UptimeMs));
        Assert.Equal(nonce, report.Nonce);
        Assert.Equal(
            Device.Updates.Installed.Select(f => $"{f.Tenant}/{f.Slot}/{f.Sequence}/{Convert.ToHexString(f.Digest)}"),
            report.Functions.Select(f => $"{f.Tenant}/{f.Slot}/{f.Sequence}/{Convert.ToHexString(f.Digest)}"));
        Assert.Equal(["acme", "globex"], report.Functions.Select(f => f.Tenant));
    }

    [Fact]
    public void The_tag_is_standard_hmac_sha256_over_the_report_bytes()
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);

        byte[] message = NewAttestor(Device).Report(new byte[8]);

        // [bstr report, bstr(32) tag]: the tag is the last 32 bytes, the report sits between the heads.
        Assert.Equal(0x82, message[0]);
        byte[] tag = message[^32..];
        Assert.Equal([0x58, 0x20], message[^34..^32]);
        int reportStart = message[1] == 0x58 ? 3 : 4;
        byte[] report = message[reportStart..^34];
        Assert.Equal(HMACSHA256.HashData(DeviceKey, report), tag);
    }

    [Fact]
    public void A_report_follows_updates_and_rollbacks()
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        byte[] v1 = Device.Function("acme", 0)!.Digest;
        AssertAccepted(Device.Deploy(Blinker(2)), UpdateStatus.Updated);
        AssertAccepted(Device.Execute(Signer.Rollback("acme", 0, 3)), UpdateStatus.RolledBack);
        byte[] nonce = new byte[64];

        Assert.Null(AttestationVerifier.Verify(NewAttestor(Device).Report(nonce), DeviceKey, nonce, out AttestationReport? report));

        AttestedFunction f = Assert.Single(report!.Functions);
        Assert.Equal(3L, f.Sequence);
        Assert.Equal(v1, f.Digest);
    }

    [Fact]
    public void Another_key_fails_as_bad_tag()
    {
        byte[] nonce = RandomNumberGenerator.GetBytes(16);
        byte[] otherKey = (byte[])DeviceKey.Clone();
        otherKey[0] ^= 1;

        string? reason = AttestationVerifier.Verify(NewAttestor(Device).Report(nonce), otherKey, nonce, out AttestationReport? report);

        Assert.StartsWith("bad-tag", reason);
        Assert.Null(report);
    }

    [Fact]
    public void Another_nonce_fails_as_nonce_mismatch()
    {
        byte[] nonce = RandomNumberGenerator.GetBytes(16);
        byte[] message = NewAttestor(Device).Report(nonce);
        byte[] other = (byte[])nonce.Clone();
        other[15] ^= 1;

        Assert.StartsWith("nonce-mismatch", AttestationVerifier.Verify(message, DeviceKey, other, out _));
        Assert.StartsWith("nonce-mismatch", AttestationVerifier.Verify(message, DeviceKey, nonce[..8], out _));
    }

    [Fact]
    public void Any_altered_report_byte_fails_as_bad_tag_or_malformed()
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        byte[] nonce = RandomNumberGenerator.GetBytes(16);
        byte[] message = NewAttestor(Device).Report(nonce);

        for (int i = 0; i < message.Length; i++)
        {
            byte[] altered = (byte[])message.Clone();
            altered[i] ^= 0x01;

            string? reason = AttestationVerifier.Verify(altered, DeviceKey, nonce, out AttestationReport? report);

            Assert.NotNull(reason);
            Assert.Null(report);
            Assert.True(reason.StartsWith("bad-tag") || reason.StartsWith("malformed"), $"byte {i}: {reason}");
        }
    }

    [Fact]
    public void A_tampered_report_body_fails_as_bad_tag()
    {
        byte[] nonce = RandomNumberGenerator.GetBytes(16);
        byte[] message = NewAttestor(Device).Report(nonce);
        int at = message.AsSpan().IndexOf("board-7"u8.ToArray());
        message[at + 6] = (byte)'8';

        Assert.StartsWith("bad-tag", AttestationVerifier.Verify(message, DeviceKey, nonce, out _));
    }

    [Fact]
    public void Garbage_is_malformed()
    {
        Assert.StartsWith("malformed", AttestationVerifier.Verify([0x82, 0x40], DeviceKey, new byte[8], out _));
        Assert.StartsWith("malformed", AttestationVerifier.Verify([], DeviceKey, new byte[8], out _));
        Assert.StartsWith("malformed", AttestationVerifier.Verify(null!, DeviceKey, new byte[8], out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(65)]
    public void A_nonce_outside_8_to_64_bytes_is_refused(int length)
    {
        Assert.NotNull(AttestationReport.CheckNonce(new byte[length]));
        Assert.Throws<ArgumentException>(() => NewAttestor(Device).Report(new byte[length]));
    }

    [Fact]
    public void A_short_device_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Attestor("board-7", new byte[15], Device.Updates, "v"));
    }
}
