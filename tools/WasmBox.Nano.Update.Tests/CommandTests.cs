using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Update.Tests.Support;

namespace WasmBox.Nano.Update.Tests;

public sealed class CommandTests : UpdateTestBase
{
    [Fact]
    public void Rollback_reinstalls_the_previous_version_and_takes_the_commands_sequence()
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        byte[] v1 = Device.Function("acme", 0)!.Digest;
        AssertAccepted(Device.Deploy(Blinker(2)), UpdateStatus.Updated);

        UpdateResult result = Device.Execute(Signer.Rollback("acme", 0, 3));

        AssertAccepted(result, UpdateStatus.RolledBack);
        Assert.Equal(("acme", 0, 3L), (result.Tenant, result.Slot, result.Sequence));
        InstalledFunction f = Assert.Single(Device.Updates.Installed);
        Assert.Equal(v1, f.Digest);
        Assert.Equal((3L, 1L, false), (f.Sequence, f.BundleSequence, f.HasPrevious));
        Assert.Equal(Runtime.Containers.ContainerState.Running, f.Container.State);
        Assert.Equal(["upd.acme.0.cur", "upd.acme.0.seq"], Drive.List(""));

        // The version rolled away from stays refused; a newer one is welcome.
        AssertRefused(Device.Deploy(Blinker(2)), UpdateRefusal.Replay);
        AssertRefused(Device.Deploy(Blinker(3)), UpdateRefusal.Replay);
        AssertAccepted(Device.Deploy(Blinker(4)), UpdateStatus.Updated);
    }

    [Fact]
    public void A_second_rollback_has_no_previous_version()
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Blinker(2)), UpdateStatus.Updated);
        AssertAccepted(Device.Execute(Signer.Rollback("acme", 0, 3)), UpdateStatus.RolledBack);
        string[] state = Device.State();

        AssertRefused(Device.Execute(Signer.Rollback("acme", 0, 4)), UpdateRefusal.NoPreviousVersion);

        Assert.Equal(state, Device.State());
        Assert.Equal(3, Device.Updates.SequenceOf("acme", 0));
    }

    [Fact]
    public void Rollback_without_an_update_has_no_previous_version()
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);

        UpdateResult result = Device.Execute(Signer.Rollback("acme", 0, 2));

        AssertRefused(result, UpdateRefusal.NoPreviousVersion);
        Assert.Equal("no-previous-version", UpdateRefusalText.Name(result.Refusal));
        Assert.Equal(1, Device.Updates.SequenceOf("acme", 0));
    }

    [Fact]
    public void Rollback_works_after_a_reboot()
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        byte[] v1 = Device.Function("acme", 0)!.Digest;
        AssertAccepted(Device.Deploy(Blinker(2)), UpdateStatus.Updated);

        TestDevice rebooted = Reboot();

        Assert.True(rebooted.Function("acme", 0)!.HasPrevious);
        AssertAccepted(rebooted.Execute(Signer.Rollback("acme", 0, 3)), UpdateStatus.RolledBack);
        Assert.Equal(v1, rebooted.Function("acme", 0)!.Digest);
    }

    [Fact]
    public void Remove_takes_the_function_away_and_keeps_its_sequence_so_old_bundles_stay_refused()
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Blinker(2)), UpdateStatus.Updated);

        UpdateResult result = Device.Execute(Signer.Remove("acme", 0, 3));

        AssertAccepted(result, UpdateStatus.Removed);
        Assert.Empty(Device.Updates.Installed);
        Assert.Empty(Device.Runtime.Containers);
        Assert.Null(Device.Board.Gpio.Snapshot().Single(p => p.Number == 2).Mode);
        Assert.Equal(["upd.acme.0.seq"], Drive.List(""));
        Assert.Equal(3, Device.Updates.SequenceOf("acme", 0));

        TestDevice rebooted = Reboot();
        Assert.Empty(rebooted.Updates.Installed);
        AssertRefused(rebooted.Deploy(Blinker(2)), UpdateRefusal.Replay);
        AssertRefused(rebooted.Deploy(Blinker(3)), UpdateRefusal.Replay);
        AssertAccepted(rebooted.Deploy(Blinker(4)), UpdateStatus.Installed);
    }

    [Fact]
    public void Remove_of_an_empty_slot_is_no_such_function_and_does_not_consume_the_sequence()
    {
        UpdateResult result = Device.Execute(Signer.Remove("acme", 7, 1));

        AssertRefused(result, UpdateRefusal.NoSuchFunction);
        Assert.Equal(0, Device.Updates.SequenceOf("acme", 7));
        Assert.Empty(Drive.List(""));
    }

    [Theory]
    [InlineData(CommandAction.Remove, 2)]
    [InlineData(CommandAction.Remove, 1)]
    [InlineData(CommandAction.Rollback, 2)]
    public void A_command_whose_sequence_is_not_above_the_slots_is_a_replay(int action, long sequence)
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Blinker(2)), UpdateStatus.Updated);
        string[] state = Device.State();
        string[] drive = Drive.Dump();

        AssertRefused(Device.Execute(Signer.Command("acme", 0, sequence, action)), UpdateRefusal.Replay);

        Assert.Equal(state, Device.State());
        Assert.Equal(drive, Drive.Dump());
    }

    [Fact]
    public void The_same_signed_command_works_once()
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Blinker(2)), UpdateStatus.Updated);
        byte[] rollback = Signer.Rollback("acme", 0, 3);

        AssertAccepted(Device.Execute(rollback), UpdateStatus.RolledBack);
        AssertRefused(Device.Execute(rollback), UpdateRefusal.Replay);
    }

    public static TheoryData<string, UpdateRefusal> BadCommands => new()
    {
        { "other-tenants-key", UpdateRefusal.BadSignature },
        { "no-key", UpdateRefusal.UnknownTenant },
        { "garbage", UpdateRefusal.Malformed },
        { "oversized", UpdateRefusal.TooLarge },
        { "a-bundle", UpdateRefusal.Malformed },
        { "version-2", UpdateRefusal.UnsupportedVersion },
        { "unknown-action", UpdateRefusal.Malformed },
        { "es384-header", UpdateRefusal.UnsupportedAlgorithm },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public void A_bad_command_is_refused_with_its_code_and_changes_nothing(string name, UpdateRefusal expected)
    {
        AssertAccepted(Device.Deploy(Blinker(1)), UpdateStatus.Installed);
        AssertAccepted(Device.Deploy(Blinker(2)), UpdateStatus.Updated);
        string[] state = Device.State();
        string[] drive = Drive.Dump();

        AssertRefused(Device.Execute(Command(name)), expected);

        Assert.Equal(state, Device.State());
        Assert.Equal(drive, Drive.Dump());
    }

    [Fact]
    public void A_command_is_not_a_bundle()
    {
        AssertRefused(Device.Deploy(Signer.Remove("acme", 0, 3)), UpdateRefusal.Malformed);
    }

    [Fact]
    public void Commands_round_trip_through_the_codec()
    {
        byte[] encoded = CommandWriter.Encode("acme", 255, long.MaxValue, CommandAction.Rollback);

        UpdateCommand? decoded = UpdateCommand.Decode(encoded, 0, encoded.Length, out UpdateRefusal refusal, out string? reason);

        Assert.NotNull(decoded);
        Assert.Null(reason);
        Assert.Equal(UpdateRefusal.None, refusal);
        Assert.Equal(("acme", 255, long.MaxValue, CommandAction.Rollback), (decoded.Tenant, decoded.Slot, decoded.Sequence, decoded.Action));
        Assert.Equal("rollback", UpdateCommand.ActionName(decoded.Action));
    }

    [Theory]
    [InlineData("a5 01 01 02 64 61 63 6d 65 03 00 04 00 05 01", "sequence")]          // sequence 0
    [InlineData("a5 01 01 02 64 61 63 6d 65 03 19 01 00 04 01 05 01", "slot")]        // slot 256
    [InlineData("a5 01 01 02 64 41 43 4d 45 03 00 04 01 05 01", "tenant")]            // upper case tenant
    [InlineData("a4 01 01 02 64 61 63 6d 65 03 00 04 01", "keys 1 to 5")]             // action missing
    [InlineData("a5 01 01 03 00 02 64 61 63 6d 65 04 01 05 01", "key 2")]             // out of order
    [InlineData("a5 01 01 02 64 61 63 6d 65 03 00 04 01 05 01 00", "trailing")]       // trailing byte
    public void The_command_codec_refuses_what_breaks_a_rule(string hex, string mentioned)
    {
        byte[] bytes = Convert.FromHexString(hex.Replace(" ", ""));

        Assert.Null(UpdateCommand.Decode(bytes, 0, bytes.Length, out UpdateRefusal refusal, out string? reason));

        Assert.Equal(UpdateRefusal.Malformed, refusal);
        Assert.Contains(mentioned, reason);
    }

    private byte[] Command(string name)
    {
        switch (name)
        {
            case "other-tenants-key": return Signer.Command("acme", 0, 3, CommandAction.Rollback, signer: "globex");
            case "no-key": return Signer.Command("umbrella", 0, 3, CommandAction.Remove, signer: "acme");
            case "garbage": return [0xd2, 0x84, 0x01, 0x02];
            case "oversized": return new byte[CommandReader.MaxSignedCommandBytes + 1];
            case "a-bundle": return Blinker(3);
            case "version-2":
            {
                byte[] command = CommandWriter.Encode("acme", 0, 3, CommandAction.Remove);
                Assert.Equal([0xa5, 0x01, 0x01], command[..3]);
                command[2] = 0x02;
                return CommandWriter.Write(command, Signer.Sign(CommandWriter.BytesToSign(command), "acme"));
            }
            case "unknown-action": return Signer.Command("acme", 0, 3, 7);
            case "es384-header":
            {
                byte[] signed = Signer.Rollback("acme", 0, 3);
                Assert.Equal([0xd2, 0x84, 0x43, 0xa1, 0x01, 0x26], signed[..6]);
                signed[5] = 0x38;
                return signed;
            }
            default: throw new ArgumentException(name);
        }
    }
}
