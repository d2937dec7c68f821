using WasmBox.Nano.TestSupport;
using System.Text.Json;
using WasmBox.Nano.Bundle.Tests.Support;
using WasmBox.Nano.Signing.Keyrings;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Bundle.Tests.Cli;

/// <summary>`wbx keygen`, `pack`, `inspect` and `verify` as a user runs them, including --json parsed back.</summary>
public sealed class WbxCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void Keygen_writes_a_p256_pair_and_reports_the_boards_public_point()
    {
        Wbx.SkipUnlessBuilt();

        var result = Run("keygen", "--tenant", "acme", "--out", "keys", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement json = result.Json;
        Assert.Equal("acme", json.GetProperty("tenant").GetString());
        string pub = Path.Combine(_dir.Path, json.GetProperty("publicKey").GetString()!);
        Assert.Equal(Convert.ToHexStringLower(TenantKeys.LoadPublicKey(pub)), json.GetProperty("publicPoint").GetString());
        using var key = TenantKeys.LoadPrivateKey(_dir.File("keys/acme.key.pem"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File("keys/acme.key.pem")));
        }
    }

    [SkippableFact]
    public void Keygen_never_replaces_a_key_without_force()
    {
        Wbx.SkipUnlessBuilt();
        Assert.Equal(0, Run("keygen", "--tenant", "acme").ExitCode);
        string before = File.ReadAllText(_dir.File("acme.key.pem"));

        var again = Run("keygen", "--tenant", "acme");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists; use --force", again.Stderr);
        Assert.Equal(before, File.ReadAllText(_dir.File("acme.key.pem")));

        Assert.Equal(0, Run("keygen", "--tenant", "acme", "--force").ExitCode);
        Assert.NotEqual(before, File.ReadAllText(_dir.File("acme.key.pem")));
    }

    [SkippableTheory]
    [InlineData("Acme")]
    [InlineData("../evil")]
    [InlineData("a-very-long-tenant-name-of-33-chr")]
    public void Keygen_refuses_a_tenant_id_that_is_not_an_identifier(string tenant)
    {
        Wbx.SkipUnlessBuilt();

        var result = Run("keygen", "--tenant", tenant);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("must be 1-32 characters", result.Stderr);
        Assert.Empty(Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories));
    }

    [SkippableFact]
    public void Pack_inspect_and_verify_agree_on_a_good_bundle()
    {
        Wbx.SkipUnlessBuilt();
        MakeKeysAndImage();

        var pack = Run("pack", "f.wbi", "--key", "keys/acme.key.pem", "--tenant", "acme", "--slot", "3", "--sequence", "9",
            "--name", "demo", "--hook", "timer:1000", "--hook", "gpio:4:rising@tick", "--hook", "boot", "--pin", "2:output",
            "--sensor", "temp0", "--instructions", "5000", "--stack-frames", "2", "-o", "f.wbx", "--json");

        Assert.True(pack.ExitCode == 0, pack.ToString());
        JsonElement manifest = pack.Json.GetProperty("manifest");
        Assert.Equal([1, 16], manifest.GetProperty("helpers").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1, manifest.GetProperty("hooks")[1].GetProperty("entry").GetInt32());
        Assert.Equal("rising", manifest.GetProperty("hooks")[1].GetProperty("edge").GetString());
        Assert.Equal(5000, manifest.GetProperty("budgets").GetProperty("instructions").GetInt32());
        byte[] bundle = File.ReadAllBytes(_dir.File("f.wbx"));
        Assert.Equal(pack.Json.GetProperty("bytes").GetInt32(), bundle.Length);
        Assert.NotNull(Samples.Open(bundle, new DirectoryKeyring(_dir.File("keys")), out _, out _));

        var inspect = Run("inspect", "f.wbx", "--keyring", "keys", "--json");
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.True(inspect.Json.GetProperty("ok").GetBoolean());
        Assert.Equal("verified", inspect.Json.GetProperty("signature").GetString());
        Assert.Equal("matches", inspect.Json.GetProperty("digest").GetString());
        Assert.Equal(10, inspect.Json.GetProperty("image").GetProperty("instructions").GetInt32());
        Assert.Contains("call 16", inspect.Json.GetProperty("disassembly").GetString());

        var text = Run("inspect", "f.wbx", "--pub", "keys/acme.pub.pem");
        Assert.Contains("signature: verified with key keys/acme.pub.pem", text.Stdout);
        Assert.Contains("gpio:4:rising -> tick", text.Stdout);
        Assert.Contains("call local", text.Stdout);

        var verify = Run("verify", "f.wbx", "--pub", "keys/acme.pub.pem");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith("ok: bundle for tenant acme, slot 3, sequence 9", verify.Stdout);

        var verifyJson = Run("verify", "f.wbx", "--keyring", "keys", "--json");
        Assert.Equal("bundle", verifyJson.Json.GetProperty("kind").GetString());
        Assert.True(verifyJson.Json.GetProperty("ok").GetBoolean());
        Assert.Equal([1, 16], verifyJson.Json.GetProperty("preflight").GetProperty("calledHelpers").EnumerateArray().Select(e => e.GetInt32()));
    }

    [SkippableFact]
    public void Pack_records_spi_uart_pwm_and_adc_and_inspect_shows_them()
    {
        Wbx.SkipUnlessBuilt();
        MakeKeysAndImage();

        var pack = Run("pack", "f.wbi", "--key", "keys/acme.key.pem", "--tenant", "acme", "--slot", "3", "--sequence", "1",
            "--spi", "0:15:1000000:3:23:19:18", "--uart", "2:115200:17:16", "--pwm", "0:25", "--adc", "6:34", "-o", "f.wbx");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.Contains("spi:     0 cs 15 @1000000 Hz mode 3 (mosi 23, miso 19, sck 18)", pack.Stdout);

        var inspect = Run("inspect", "f.wbx", "--keyring", "keys", "--json");
        JsonElement m = inspect.Json.GetProperty("manifest");
        Assert.Equal(15, m.GetProperty("spi")[0].GetProperty("chipSelect").GetInt32());
        Assert.Equal(3, m.GetProperty("spi")[0].GetProperty("mode").GetInt32());
        Assert.Equal(115200, m.GetProperty("uart")[0].GetProperty("baud").GetInt32());
        Assert.Equal(25, m.GetProperty("pwm")[0].GetProperty("pin").GetInt32());
        Assert.Equal(6, m.GetProperty("adc")[0].GetProperty("channel").GetInt32());
        var text = Run("inspect", "f.wbx", "--pub", "keys/acme.pub.pem");
        Assert.Contains("uart:     2 @115200 baud (tx 17, rx 16)", text.Stdout);
        Assert.Contains("adc:      6 (pin 34)", text.Stdout);

        var badMode = Run("pack", "f.wbi", "--key", "keys/acme.key.pem", "--tenant", "acme", "--slot", "3", "--sequence", "2",
            "--spi", "0:15:1000000:4:23:19:18", "-o", "g.wbx");
        var badShape = Run("pack", "f.wbi", "--key", "keys/acme.key.pem", "--tenant", "acme", "--slot", "3", "--sequence", "2",
            "--pwm", "0", "-o", "g.wbx");
        Assert.Equal(1, badMode.ExitCode);
        Assert.Contains("wbx: error:", badMode.Stderr);
        Assert.Contains("spi device 0 must be [bus 0-7, chip-select pin", badMode.Stderr);
        Assert.Equal(1, badShape.ExitCode);
        Assert.Contains("pwm '0': expected CHANNEL:PIN", badShape.Stderr);
        Assert.False(File.Exists(_dir.File("g.wbx")));
    }

    [SkippableFact]
    public void Verify_refuses_a_tampered_bundle_and_says_why()
    {
        Wbx.SkipUnlessBuilt();
        MakeKeysAndImage();
        Assert.Equal(0, Pack("acme", "f.wbx").ExitCode);
        byte[] bundle = File.ReadAllBytes(_dir.File("f.wbx"));
        bundle[Samples.SignatureOffset(bundle, ImageCodec.Encode(Samples.Image()).Length) + 10] ^= 1;
        File.WriteAllBytes(_dir.File("t.wbx"), bundle);

        var verify = Run("verify", "t.wbx", "--keyring", "keys", "--json");

        Assert.Equal(1, verify.ExitCode);
        Assert.False(verify.Json.GetProperty("ok").GetBoolean());
        Assert.Equal("bad-signature", verify.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("invalid", verify.Json.GetProperty("signature").GetString());
        var text = Run("verify", "t.wbx", "--keyring", "keys");
        Assert.Contains("verify failed: bad-signature", text.Stderr);
    }

    [SkippableFact]
    public void A_bundle_signed_with_as_key_for_tenant_b_never_verifies()
    {
        Wbx.SkipUnlessBuilt();
        MakeKeysAndImage();
        Assert.Equal(0, Run("keygen", "--tenant", "globex", "--out", "keys").ExitCode);

        Assert.Equal(0, Pack("globex", "forged.wbx").ExitCode);   // signed with acme's key
        var verify = Run("verify", "forged.wbx", "--keyring", "keys", "--json");

        Assert.Equal(1, verify.ExitCode);
        Assert.Equal("bad-signature", verify.Json.GetProperty("error").GetProperty("code").GetString());
        File.Delete(_dir.File("keys/globex.pub.pem"));
        var unknown = Run("verify", "forged.wbx", "--keyring", "keys", "--json");
        Assert.Equal("unknown-tenant", unknown.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [SkippableFact]
    public void A_failed_pack_writes_nothing_and_keeps_the_old_output()
    {
        Wbx.SkipUnlessBuilt();
        MakeKeysAndImage();
        File.WriteAllText(_dir.File("old.wbx"), "previous");

        var badHook = Run("pack", "f.wbi", "--key", "keys/acme.key.pem", "--tenant", "acme", "--slot", "1", "--sequence", "1",
            "--hook", "timer:5", "-o", "old.wbx");
        var badKey = Run("pack", "f.wbi", "--key", "keys/none.key.pem", "--tenant", "acme", "--slot", "1", "--sequence", "1", "-o", "new.wbx");
        var badImage = Run("pack", "keys/acme.pub.pem", "--key", "keys/acme.key.pem", "--tenant", "acme", "--slot", "1", "--sequence", "1", "-o", "new.wbx");

        Assert.Equal(1, badHook.ExitCode);
        Assert.Contains("timer period must be at least 10 ms", badHook.Stderr);
        Assert.Equal(1, badKey.ExitCode);
        Assert.Contains("key file not found", badKey.Stderr);
        Assert.Equal(1, badImage.ExitCode);
        Assert.Contains("is not a function image", badImage.Stderr);
        Assert.Equal("previous", File.ReadAllText(_dir.File("old.wbx")));
        Assert.False(File.Exists(_dir.File("new.wbx")));
        Assert.Equal(["f.wbi", "old.wbx"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order());
    }

    [SkippableFact]
    public void Inspect_without_a_key_shows_the_bundle_with_the_signature_unchecked()
    {
        Wbx.SkipUnlessBuilt();
        MakeKeysAndImage();
        Assert.Equal(0, Pack("acme", "f.wbx").ExitCode);

        var inspect = Run("inspect", "f.wbx", "--json");

        Assert.Equal(0, inspect.ExitCode);
        Assert.Equal("not-checked", inspect.Json.GetProperty("signature").GetString());
        Assert.Equal("acme", inspect.Json.GetProperty("manifest").GetProperty("tenant").GetString());
        Assert.Contains("not checked (give --pub or --keyring)", Run("inspect", "f.wbx").Stdout);
    }

    [SkippableFact]
    public void Inspect_and_verify_report_garbage_as_malformed()
    {
        Wbx.SkipUnlessBuilt();
        MakeKeysAndImage();
        File.WriteAllBytes(_dir.File("junk.wbx"), [0x82, 0xd2, 0x01]);

        var inspect = Run("inspect", "junk.wbx", "--json");
        var verify = Run("verify", "junk.wbx", "--pub", "keys/acme.pub.pem");
        var noKey = Run("verify", "junk.wbx");

        Assert.Equal(1, inspect.ExitCode);
        Assert.Equal("malformed", inspect.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, inspect.Json.GetProperty("manifest").ValueKind);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("verify failed: malformed", verify.Stderr);
        Assert.Equal(1, noKey.ExitCode);
        Assert.Contains("needs its tenant's public key", noKey.Stderr);
    }

    [SkippableFact]
    public void Verify_still_checks_plain_programs_with_json()
    {
        Wbx.SkipUnlessBuilt();
        File.WriteAllText(_dir.File("ok.s"), "mov %r0, 1\ncall 2\nexit\n");
        File.WriteAllText(_dir.File("bad.s"), "mov %r0, 1\n");

        var ok = Run("verify", "ok.s", "--helpers", "2", "--json");
        var bad = Run("verify", "bad.s", "--json");

        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Equal("program", ok.Json.GetProperty("kind").GetString());
        Assert.Equal(3, ok.Json.GetProperty("preflight").GetProperty("instructions").GetInt32());
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("preflight-failed", bad.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("FallsOffEnd", bad.Json.GetProperty("preflight").GetProperty("error").GetString());
    }

    private WbxResult Run(params string[] args) => Wbx.Run(_dir.Path, args);

    private WbxResult Pack(string tenant, string output) =>
        Run("pack", "f.wbi", "--key", "keys/acme.key.pem", "--tenant", tenant, "--slot", "1", "--sequence", "1", "-o", output);

    private void MakeKeysAndImage()
    {
        Assert.Equal(0, Run("keygen", "--tenant", "acme", "--out", "keys").ExitCode);
        File.WriteAllBytes(_dir.File("f.wbi"), ImageCodec.Encode(Samples.Image()));
    }
}
