using WasmBox.Nano.Update.Tests.Support;

namespace WasmBox.Nano.Update.Tests;

/// <summary>
/// The must-show power-cut test: each change (first install, update, rollback, remove) is
/// interrupted at every storage mutation in turn — the mutation throws, fails, or power is lost
/// there and nothing later reaches the drive. After each, a reboot over the surviving drive has
/// exactly the old or the new function with the matching sequence state, and accepts the next
/// valid update.
/// </summary>
public sealed class PowerCutTests : UpdateTestBase
{
    public enum Change { FirstInstall, Update, Rollback, Remove }

    public static TheoryData<Change, FaultMode> Cases()
    {
        var data = new TheoryData<Change, FaultMode>();
        foreach (Change change in Enum.GetValues<Change>())
        {
            foreach (FaultMode mode in Enum.GetValues<FaultMode>())
            {
                data.Add(change, mode);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_cut_at_any_storage_write_leaves_the_old_or_the_new_function(Change change, FaultMode mode)
    {
        MemoryStorage before = Prepare(change);
        (string[] oldState, string[] newState, int mutations) = Outcomes(change, before);
        Assert.NotEqual(oldState, newState);
        Assert.InRange(mutations, 2, 10);

        var seen = new HashSet<string>();
        for (int k = 1; k <= mutations + 1; k++)
        {
            var faulty = new FaultyStorage(before.Clone(), k, mode);
            TestDevice device = Boot(faulty);
            UpdateResult result = Apply(device, change);
            string[] running = Observe(device);
            if (mode != FaultMode.PowerLoss)
            {
                // Without a power cut the device carries on: what it runs matches what it said.
                Assert.Equal(result.Ok ? newState : oldState, running);
            }

            TestDevice rebooted = Boot(faulty.Durable.Clone());
            string[] after = Observe(rebooted);
            bool isNew = after.SequenceEqual(newState);
            Assert.True(isNew || after.SequenceEqual(oldState),
                $"{change}, {mode} at mutation {k}: neither old nor new:\n{string.Join("\n", after)}");
            if (mode != FaultMode.PowerLoss)
            {
                Assert.Equal(running, after);
            }
            Assert.Empty(rebooted.Updates.BootFailures);
            Assert.DoesNotContain(rebooted.Storage.List(""), n => n.EndsWith(".new") || n == "upd.journal");
            seen.Add(isNew ? "new" : "old");

            // The sequence state matches what runs: the change itself is a replay exactly when it took effect.
            UpdateResult again = Apply(rebooted, change);
            Assert.Equal(isNew ? UpdateRefusal.Replay : UpdateRefusal.None, again.Refusal);
            Assert.True(rebooted.Deploy(Blinker(10)).Ok);
        }
        Assert.Equal(["new", "old"], seen.Order());
    }

    [Fact]
    public void A_cut_while_boot_finishes_the_journal_is_finished_by_the_next_boot()
    {
        MemoryStorage before = Prepare(Change.Update);
        (string[] oldState, string[] newState, int mutations) = Outcomes(Change.Update, before);

        for (int k = 1; k <= mutations; k++)
        {
            var cut = new FaultyStorage(before.Clone(), k, FaultMode.PowerLoss);
            Apply(Boot(cut), Change.Update);
            for (int j = 1; j <= mutations + 1; j++)
            {
                var cutAgain = new FaultyStorage(cut.Durable.Clone(), j, FaultMode.PowerLoss);
                Boot(cutAgain);

                string[] after = Observe(Boot(cutAgain.Durable.Clone()));

                Assert.True(after.SequenceEqual(newState) || after.SequenceEqual(oldState),
                    $"cut at {k}, then at {j} during recovery:\n{string.Join("\n", after)}");
            }
        }
    }

    /// <summary>The drive before the change: nothing for a first install, else v1 (and v2 for rollback/remove).</summary>
    private MemoryStorage Prepare(Change change)
    {
        var drive = new MemoryStorage();
        TestDevice device = Boot(drive);
        if (change != Change.FirstInstall)
        {
            AssertAccepted(device.Deploy(Blinker(1)), UpdateStatus.Installed);
        }
        if (change is Change.Rollback or Change.Remove)
        {
            AssertAccepted(device.Deploy(Blinker(2)), UpdateStatus.Updated);
        }
        return drive;
    }

    private UpdateResult Apply(TestDevice device, Change change) => change switch
    {
        Change.FirstInstall => device.Deploy(Blinker(1)),
        Change.Update => device.Deploy(Blinker(2)),
        Change.Rollback => device.Execute(Signer.Rollback("acme", 0, 3)),
        _ => device.Execute(Signer.Remove("acme", 0, 3)),
    };

    /// <summary>What a rebooted device runs without and with the change, and how many mutations the change makes.</summary>
    private (string[] Old, string[] New, int Mutations) Outcomes(Change change, MemoryStorage before)
    {
        string[] oldState = Observe(Boot(before.Clone()));
        var counting = new FaultyStorage(before.Clone(), 0, FaultMode.Fail);
        TestDevice device = Boot(counting);
        Assert.Equal(0, counting.Mutations);
        Assert.True(Apply(device, change).Ok);
        string[] newState = Observe(Boot(counting.Durable.Clone()));
        return (oldState, newState, counting.Mutations);
    }

    /// <summary>The function in acme/0 (digest, sequences, container state) and the slot's persisted sequence.</summary>
    private static string[] Observe(TestDevice device) =>
        [.. device.State(withContainerIds: false), "acme/0 sequence " + device.Updates.SequenceOf("acme", 0)];
}
