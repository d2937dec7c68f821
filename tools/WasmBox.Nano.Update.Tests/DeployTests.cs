using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Update.Tests.Support;
using HookKind = WasmBox.Nano.Runtime.Hooks.HookKind;

namespace WasmBox.Nano.Update.Tests;

public sealed class DeployTests : UpdateTestBase
{
    [Fact]
    public void A_bundle_installs_into_its_signed_slot_running_and_stored()
    {
        UpdateResult result = Device.Deploy(Blinker(1));

        AssertAccepted(result, UpdateStatus.Installed);
        Assert.Equal(("acme", 0, 1L), (result.Tenant, result.Slot, result.Sequence));
        InstalledFunction f = Assert.Single(Device.Updates.Installed);
        Assert.Equal(("acme", 0, 1L, 1L, "blinker", false), (f.Tenant, f.Slot, f.Sequence, f.BundleSequence, f.Name, f.HasPrevious));
        Assert.Equal(32, f.Digest.Length);
        Assert.Equal(ContainerState.Running, f.Container.State);
        Assert.Equal(["upd.acme.0.cur", "upd.acme.0.seq"], Drive.List(""));
    }

    [Fact]
    public void A_higher_sequence_replaces_the_function_and_keeps_the_old_one_for_a_rollback()
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        byte[] oldDigest = Device.Function("acme", 0)!.Digest;

        UpdateResult result = Device.Deploy(Blinker(2));

        AssertAccepted(result, UpdateStatus.Updated);
        InstalledFunction f = Assert.Single(Device.Updates.Installed);
        Assert.Equal((2L, true), (f.Sequence, f.HasPrevious));
        Assert.NotEqual(oldDigest, f.Digest);
        Container c = Assert.Single(Device.Runtime.Containers);
        Assert.Same(f.Container, c);
        Assert.Equal(["upd.acme.0.cur", "upd.acme.0.prev", "upd.acme.0.seq"], Drive.List(""));

        // The new version is the one the timer runs, on the pin the old one gave back.
        Device.Runtime.Dispatch(HookKind.Timer, 500, null, null, 0);
        Assert.Equal(2UL, c.LastResult);
        Assert.Equal(WasmBox.Nano.Runtime.Board.PinDriveMode.Output, Device.Board.Gpio.Snapshot().Single(p => p.Number == 2).Mode);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    [InlineData(1)]
    public void A_sequence_not_above_the_slots_is_refused_as_replay_and_changes_nothing(long sequence)
    {
        AssertAccepted(Device.Deploy(Blinker(5)), UpdateStatus.Installed);
        string[] state = Device.State();
        string[] drive = Drive.Dump();

        UpdateResult result = Device.Deploy(Blinker(sequence, version: 99));

        AssertRefused(result, UpdateRefusal.Replay);
        Assert.Equal("replay", UpdateRefusalText.Name(result.Refusal));
        Assert.Equal(("acme", 0, sequence), (result.Tenant, result.Slot, result.Sequence));
        Assert.Equal(state, Device.State());
        Assert.Equal(drive, Drive.Dump());
    }

    [Fact]
    public void Sequences_are_per_tenant_and_slot()
    {
        AssertAccepted(Device.Deploy(Plain("acme", 1, 7)), UpdateStatus.Installed);

        AssertAccepted(Device.Deploy(Plain("acme", 2, 1)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Plain("globex", 1, 1)), UpdateStatus.Installed);
        Assert.Equal(7, Device.Updates.SequenceOf("acme", 1));
        Assert.Equal(0, Device.Updates.SequenceOf("acme", 3));
    }

    [Fact]
    public void Boot_reinstalls_and_starts_every_stored_function_and_remembers_sequences()
    {
        AssertAccepted(Device.Deploy(Plain("globex", 3, 4)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Blinker(2)), UpdateStatus.Updated);
        string[] before = Device.State(withContainerIds: false);

        TestDevice rebooted = Reboot();

        Assert.Equal(before, rebooted.State(withContainerIds: false));
        Assert.All(rebooted.Updates.Installed, f => Assert.Equal(ContainerState.Running, f.Container.State));
        Assert.Empty(rebooted.Updates.BootFailures);
        AssertRefused(rebooted.Deploy(Blinker(2)), UpdateRefusal.Replay);
        AssertAccepted(rebooted.Deploy(Blinker(3)), UpdateStatus.Updated);
    }

    [Fact]
    public void Installed_is_sorted_by_tenant_then_slot()
    {
        foreach ((string tenant, int slot) in new[] { ("globex", 0), ("acme", 10), ("acme", 2), ("globex", 1) })
        {
            AssertAccepted(Device.Deploy(Plain(tenant, slot, 1)), UpdateStatus.Installed);
        }

        Assert.Equal(["acme/2", "acme/10", "globex/0", "globex/1"], Device.Updates.Installed.Select(f => $"{f.Tenant}/{f.Slot}"));
    }

    [Fact]
    public void A_bundle_at_an_offset_in_a_larger_buffer_deploys()
    {
        byte[] bundle = Blinker(1);
        byte[] buffer = [0xff, 0xff, .. bundle, 0xee];

        AssertAccepted(Device.Updates.Deploy(buffer, 2, bundle.Length), UpdateStatus.Installed);
        Assert.Equal(bundle, Drive.Read("upd.acme.0.cur"));
    }

    [Fact]
    public void A_stored_bundle_another_slot_was_copied_over_does_not_boot()
    {
        AssertAccepted(Device.Deploy(Plain("acme", 1, 1)), UpdateStatus.Installed);
        // Someone with the SD card copies slot 1's bundle into slot 2's name.
        Drive.Write("upd.acme.2.cur", Drive.Read("upd.acme.1.cur")!, 0, Drive.Read("upd.acme.1.cur")!.Length);

        TestDevice rebooted = Reboot();

        Assert.Equal(["acme/1"], rebooted.Updates.Installed.Select(f => $"{f.Tenant}/{f.Slot}"));
        Assert.Contains("acme/2: bad-manifest", Assert.Single(rebooted.Updates.BootFailures));
    }

    [Fact]
    public void Transports_learn_the_size_limits()
    {
        Assert.Equal(80 * 1024, Device.Updates.MaxBundleBytes);
        Assert.Equal(CommandReader.MaxSignedCommandBytes, Device.Updates.MaxCommandBytes);
    }
}
