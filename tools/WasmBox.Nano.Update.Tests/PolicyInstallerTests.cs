using System.Security.Cryptography;
using WasmBox.Nano.Asm;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Bundle.Policies;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Update.Policies;
using WasmBox.Nano.Update.Tests.Support;

namespace WasmBox.Nano.Update.Tests;

/// <summary>
/// Policy bundles signed with the board owner's key: install, replacement, removal, anti-rollback,
/// keys, and persistence across a reboot. Every refusal leaves the installed policies and storage as they were.
/// </summary>
public class PolicyInstallerTests
{
    private const int GpioToggle = 0x72;

    private readonly TestSigner _signer = new();
    private readonly MemoryStorage _drive = new();

    private byte[] OwnerPublic => _signer.Keyring("owner").Keys["owner"];

    private PolicyInstaller Installer(TestDevice device) => new(device.Runtime, device.Storage, OwnerPublic);

    /// <summary>A policy returning <paramref name="r0"/>, attached to gpio_toggle for every tenant.</summary>
    private byte[] Policy(string name, long sequence, int r0, string signer = "owner")
    {
        byte[] image = ImageCodec.Encode(new FunctionImage(Assembler.Assemble("mov %r0, " + r0 + "\nexit"), [], [], 0,
            [new EntryPoint("decide", 0)]));
        byte[] manifest = PolicyManifestCodec.Encode(new PolicyManifest
        {
            Name = name, Sequence = sequence, Digest = SHA256.HashData(image), ImageSize = image.Length,
            Helpers = [GpioToggle], Tenants = [], InstructionBudget = 64,
        });
        return BundleWriter.Write(manifest, _signer.Sign(BundleWriter.BytesToSign(manifest), signer), image);
    }

    private byte[] Removal(string name, long sequence)
    {
        byte[] manifest = PolicyManifestCodec.Encode(new PolicyManifest { Name = name, Sequence = sequence, Remove = true });
        return BundleWriter.Write(manifest, _signer.Sign(BundleWriter.BytesToSign(manifest), "owner"), []);
    }

    private static PolicyResult Deploy(PolicyInstaller installer, byte[] signed) => installer.Deploy(signed, 0, signed.Length);

    private static string[] State(PolicyInstaller installer, MemoryStorage drive) =>
    [
        .. installer.Installed.Select(p => "policy " + p.Name + " seq=" + p.Sequence),
        .. drive.List(PolicyInstaller.Prefix).Order(StringComparer.Ordinal)
            .Select(n => n + "=" + Convert.ToHexString(drive.Read(n)!)),
    ];

    [Fact]
    public void A_signed_policy_installs_and_a_newer_one_replaces_it()
    {
        using TestDevice device = TestDevice.Start(_drive, _signer.Keyring("acme"));
        PolicyInstaller installer = Installer(device);

        PolicyResult first = Deploy(installer, Policy("guard", 1, -13));
        PolicyResult second = Deploy(installer, Policy("guard", 2, 0));

        Assert.True(first.Ok, first.ToString());
        Assert.Equal(UpdateStatus.Installed, first.Status);
        Assert.True(second.Ok, second.ToString());
        Assert.Equal(UpdateStatus.Updated, second.Status);
        HostcallPolicy installed = Assert.Single(installer.Installed);
        Assert.Equal(2, installed.Sequence);
        Assert.Same(installed, device.Runtime.Services.Policies.Find("guard"));
    }

    [Fact]
    public void An_older_or_equal_sequence_is_a_replay_and_changes_nothing()
    {
        using TestDevice device = TestDevice.Start(_drive, _signer.Keyring("acme"));
        PolicyInstaller installer = Installer(device);
        byte[] v1 = Policy("guard", 1, -13);
        Assert.True(Deploy(installer, v1).Ok);
        Assert.True(Deploy(installer, Policy("guard", 3, 0)).Ok);
        string[] before = State(installer, _drive);

        PolicyResult replayed = Deploy(installer, v1);
        PolicyResult same = Deploy(installer, Policy("guard", 3, -1));

        Assert.Equal(UpdateRefusal.Replay, replayed.Refusal);
        Assert.Equal(UpdateRefusal.Replay, same.Refusal);
        Assert.Equal(before, State(installer, _drive));
    }

    [Fact]
    public void A_removal_keeps_the_sequence_so_the_removed_policy_cannot_come_back()
    {
        using TestDevice device = TestDevice.Start(_drive, _signer.Keyring("acme"));
        PolicyInstaller installer = Installer(device);
        byte[] v1 = Policy("guard", 1, -13);
        Assert.True(Deploy(installer, v1).Ok);

        PolicyResult removed = Deploy(installer, Removal("guard", 2));
        PolicyResult back = Deploy(installer, v1);

        Assert.True(removed.Ok, removed.ToString());
        Assert.Equal(UpdateStatus.Removed, removed.Status);
        Assert.Empty(installer.Installed);
        Assert.Equal(UpdateRefusal.Replay, back.Refusal);
        Assert.Equal(2, installer.SequenceOf("guard"));
        Assert.Equal(UpdateRefusal.NoSuchFunction, Deploy(installer, Removal("other", 1)).Refusal);
    }

    [Fact]
    public void A_policy_signed_by_a_tenant_is_refused()
    {
        using TestDevice device = TestDevice.Start(_drive, _signer.Keyring("acme"));
        PolicyInstaller installer = Installer(device);

        PolicyResult result = Deploy(installer, Policy("guard", 1, -13, signer: "acme"));

        Assert.Equal(UpdateRefusal.BadSignature, result.Refusal);
        Assert.Empty(State(installer, _drive));
    }

    [Fact]
    public void A_function_bundle_is_not_a_policy_and_a_policy_is_not_a_function()
    {
        using TestDevice device = TestDevice.Start(_drive, _signer.Keyring("acme", "owner"));
        PolicyInstaller installer = Installer(device);
        byte[] function = _signer.Bundle(TestSigner.Image("mov %r0, 0\nexit"), new Manifest { Tenant = "owner", Slot = 0, Sequence = 1 }, "owner");

        Assert.Equal(UpdateRefusal.BadManifest, Deploy(installer, function).Refusal);
        Assert.False(device.Deploy(Policy("guard", 1, 0)).Ok);
        Assert.Empty(State(installer, _drive));
    }

    [Fact]
    public void A_policy_calling_a_tenant_helper_is_refused_by_the_verifier()
    {
        using TestDevice device = TestDevice.Start(_drive, _signer.Keyring("acme"));
        PolicyInstaller installer = Installer(device);
        byte[] image = ImageCodec.Encode(new FunctionImage(Assembler.Assemble("call 0x72\nexit"), [], [], 0, [new EntryPoint("decide", 0)]));
        byte[] manifest = PolicyManifestCodec.Encode(new PolicyManifest
        {
            Name = "sneaky", Sequence = 1, Digest = SHA256.HashData(image), ImageSize = image.Length,
            Helpers = [GpioToggle], Tenants = [], InstructionBudget = 64,
        });
        byte[] signed = BundleWriter.Write(manifest, _signer.Sign(BundleWriter.BytesToSign(manifest), "owner"), image);

        PolicyResult result = Deploy(installer, signed);

        Assert.Equal(UpdateRefusal.VerifierFailed, result.Refusal);
        Assert.Contains("fails the verifier", result.Reason);
        Assert.Empty(State(installer, _drive));
    }

    [Fact]
    public void Policies_and_their_sequences_survive_a_reboot()
    {
        using (TestDevice device = TestDevice.Start(_drive, _signer.Keyring("acme")))
        {
            PolicyInstaller installer = Installer(device);
            Assert.True(Deploy(installer, Policy("guard", 4, -13)).Ok);
            Assert.True(Deploy(installer, Policy("gone", 1, 0)).Ok);
            Assert.True(Deploy(installer, Removal("gone", 2)).Ok);
        }

        using TestDevice rebooted = TestDevice.Start(_drive, _signer.Keyring("acme"));
        PolicyInstaller again = Installer(rebooted);
        Assert.Empty(again.Boot());

        Assert.Equal(["guard"], again.Installed.Select(p => p.Name));
        Assert.Equal(4, again.Installed[0].Sequence);
        Assert.Equal(UpdateRefusal.Replay, Deploy(again, Policy("guard", 3, 0)).Refusal);
        Assert.Equal(UpdateRefusal.Replay, Deploy(again, Policy("gone", 1, 0)).Refusal);
    }
}
