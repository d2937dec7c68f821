using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Samples.Tests.Policies;

/// <summary>
/// The four sample policies of tools/samples/policies/, built with clang, each enforcing its
/// rule on the simulated board against a clang-built tenant function that does not know it.
/// </summary>
public class SamplePolicyTests
{
    private const int EPERM = 1, EACCES = 13, EBUSY = 16, EDQUOT = 122;

    [SkippableFact]
    public void Acme_drives_pin_4_only_while_temp0_is_below_60_degrees()
    {
        using var board = new PolicyBoard(temp0: [2150, 5999, 6000, 7250, 5000], temp0TimesMs: [0, 1000, 2000, 3000, 4000]);
        Container acme = board.Install(PolicyBoard.Pin4Driver);
        board.InstallPolicy(PolicyBoard.Definition("pin4_cool", ["gpio_write", "gpio_toggle"], ["acme"]));

        var results = new List<int>();
        var levels = new List<bool>();
        for (int beat = 0; beat < 5; beat++)
        {
            board.Device.Board.Gpio.Write(4, false);
            results.Add(board.Beat(acme));
            levels.Add(board.Device.Board.Gpio.Read(4));
            board.Device.Clock.Advance(1000);
        }

        Assert.Equal([0, 0, -EBUSY, -EBUSY, 0], results);          // 21.50, 59.99, 60.00, 72.50, 50.00 °C
        Assert.Equal([true, true, false, false, true], levels);    // denied calls never reach the pin
        Assert.Equal(VmStatus.Ok, acme.LastStatus);
        Assert.Contains(board.Device.Events, e => e.Kind == RuntimeEventKind.PolicyDenied && e.TenantId == "acme"
            && e.Detail.Contains("pin4_cool denied gpio_write"));
        HostcallPolicy policy = board.Policies.Find("pin4_cool")!;
        Assert.Equal((3L, 2L, 0L), (policy.Allowed, policy.Denied, policy.Faulted));
    }

    [SkippableFact]
    public void Globex_publishes_at_most_200_bytes_per_minute_to_its_telemetry_topic()
    {
        using var board = new PolicyBoard();
        Container globex = board.Install(PolicyBoard.Publisher);
        board.InstallPolicy(PolicyBoard.Definition("telemetry_quota", ["mqtt_publish"], ["globex"]));

        int first = board.Publish(globex, new string('a', 120));
        int second = board.Publish(globex, new string('b', 80));    // exactly 200 in this minute
        int third = board.Publish(globex, "c");                     // one byte over
        board.Device.Clock.Advance(59_000);
        int stillSameMinute = board.Publish(globex, "d");
        board.Device.Clock.Advance(1_000);                          // the next minute starts
        int nextMinute = board.Publish(globex, new string('e', 150));
        int overInNextMinute = board.Publish(globex, new string('f', 51));

        Assert.Equal([0, 0, -EDQUOT, -EDQUOT, 0, -EDQUOT], new[] { first, second, third, stillSameMinute, nextMinute, overInNextMinute });
        Assert.Equal([120, 80, 150], board.Device.Published.Select(m => m.Payload.Length));
        Assert.All(board.Device.Published, m => Assert.Equal("globex/telemetry", board.Device.AppTopic(m.Topic)));
    }

    [SkippableFact]
    public void Nobody_actuates_the_relay_between_22_00_and_06_00()
    {
        using var board = new PolicyBoard();
        Container initech = board.Install(PolicyBoard.RelaySwitch);
        board.InstallPolicy(PolicyBoard.Definition("relay_night", ["actuator_write"]));
        var day = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
        int relay = Enumerable.Range(0, board.Device.Board.Sensors.Count).Single(i => board.Device.Board.Sensors.NameOf(i) == "relay0");

        var outcomes = new List<(int Result, int Relay)>();
        foreach (TimeSpan at in new[] { new TimeSpan(21, 59, 59), new TimeSpan(22, 0, 0), new TimeSpan(3, 0, 0),
                     new TimeSpan(5, 59, 59), new TimeSpan(6, 0, 0), new TimeSpan(12, 0, 0) })
        {
            board.UnixSeconds = (day + at).ToUnixTimeSeconds();
            Assert.True(board.Device.Board.Sensors.Write(relay, 0));
            int result = board.Beat(initech);
            Assert.True(board.Device.Board.Sensors.Read(relay, out int level, out _));
            outcomes.Add((result, level));
        }
        board.UnixSeconds = 0;                                     // the board lost its time: no way to tell night from day
        int unknownTime = board.Beat(initech);

        Assert.Equal([(0, 1), (-EPERM, 0), (-EPERM, 0), (-EPERM, 0), (0, 1), (0, 1)], outcomes);
        Assert.Equal(-EBUSY, unknownTime);
    }

    [SkippableFact]
    public void A_tenants_payloads_must_start_with_the_device_id()
    {
        using var board = new PolicyBoard();
        Container globex = board.Install(PolicyBoard.Publisher);
        board.InstallPolicy(PolicyBoard.Definition("payload_prefix", ["mqtt_publish"]));
        string id = board.Device.Board.DeviceId;

        int tagged = board.Publish(globex, id + " temp=21.5");
        int untagged = board.Publish(globex, "temp=21.5 " + id);
        int truncated = board.Publish(globex, id[..^1]);
        int wrongFirst = board.Publish(globex, "X" + id[1..] + " x");

        Assert.Equal([0, -EPERM, -EPERM, -EPERM], new[] { tagged, untagged, truncated, wrongFirst });
        Assert.Equal([id + " temp=21.5"], board.Device.Published.Select(m => System.Text.Encoding.ASCII.GetString(m.Payload)));
    }

    [SkippableFact]
    public void A_faulting_policy_denies_and_is_reported()
    {
        using var board = new PolicyBoard();
        Container acme = board.Install(PolicyBoard.Pin4Driver);
        board.InstallPolicy(PolicyBoard.Definition("fault", ["gpio_write"]));

        Assert.Equal(-EACCES, board.Beat(acme));
        Assert.False(board.Device.Board.Gpio.Read(4));
        Assert.Equal(VmStatus.Ok, acme.LastStatus);                // the tenant's run goes on: only the call is refused
        RuntimeEvent e = Assert.Single(board.Device.Events, e => e.Kind == RuntimeEventKind.PolicyFault);
        Assert.Equal(VmStatus.MemoryOutOfBounds, e.Status);
        Assert.Contains("policy fault failed", e.Detail);
        Assert.Contains("fail closed", e.Detail);
        Assert.Equal(1, board.Policies.Find("fault")!.Faulted);
    }

    [SkippableFact]
    public void An_over_budget_policy_denies_and_is_reported()
    {
        using var board = new PolicyBoard();
        Container acme = board.Install(PolicyBoard.Pin4Driver);
        board.InstallPolicy(PolicyBoard.Definition("spin", ["gpio_write"], budget: 100));

        Assert.Equal(-EACCES, board.Beat(acme));
        Assert.False(board.Device.Board.Gpio.Read(4));
        RuntimeEvent e = Assert.Single(board.Device.Events, e => e.Kind == RuntimeEventKind.PolicyFault);
        Assert.True(e.Status is VmStatus.InstructionBudgetExhausted or VmStatus.BranchBudgetExhausted, e.Status.ToString());
    }

    [SkippableFact]
    public void Reports_are_limited_to_one_per_policy_and_second_while_counters_count_every_decision()
    {
        using var board = new PolicyBoard();
        Container acme = board.Install(PolicyBoard.Pin4Driver);
        board.InstallPolicy(PolicyBoard.Definition("fault", ["gpio_write"]));

        for (int i = 0; i < 5; i++)
        {
            board.Beat(acme);
        }
        board.Device.Clock.Advance(1000);
        board.Beat(acme);

        Assert.Equal(2, board.Device.Events.Count(e => e.Kind == RuntimeEventKind.PolicyFault));
        Assert.Equal(6, board.Policies.Find("fault")!.Faulted);
    }

    [SkippableFact]
    public void A_replacement_takes_over_at_once_and_removal_restores_the_fixed_grants()
    {
        using var board = new PolicyBoard();
        Container acme = board.Install(PolicyBoard.Pin4Driver);
        PolicyDefinition failing = PolicyBoard.Definition("fault", ["gpio_write"]);
        failing.Name = "guard";
        board.InstallPolicy(failing);
        Assert.Equal(-EACCES, board.Beat(acme));

        PolicyDefinition allowing = PolicyBoard.Definition("allow", ["gpio_write"], sequence: 2);
        allowing.Name = "guard";
        board.InstallPolicy(allowing);
        Assert.Equal(0, board.Beat(acme));
        Assert.Equal(2, Assert.Single(board.Policies.Installed).Sequence);

        Assert.True(board.Policies.Remove("guard"));
        Assert.Empty(board.Policies.Installed);
        Assert.Equal(0, board.Beat(acme));
        Assert.False(board.Policies.Remove("guard"));
    }

    [SkippableFact]
    public void A_policy_for_named_tenants_leaves_the_others_alone()
    {
        using var board = new PolicyBoard();
        Container globex = board.Install(PolicyBoard.Publisher);
        board.InstallPolicy(PolicyBoard.Definition("fault", ["mqtt_publish"], ["acme"]));

        Assert.Equal(0, board.Publish(globex, "hello"));
        Assert.Equal(0, board.Policies.Find("fault")!.Faulted);
    }

    [SkippableFact]
    public void Deciding_a_call_allocates_nothing()
    {
        using var board = new PolicyBoard();
        Container acme = board.Install(PolicyBoard.Pin4Driver);
        board.Beat(acme);
        long withoutPolicy = AllocatedBy(() => board.Beat(acme));
        board.InstallPolicy(PolicyBoard.Definition("allow", ["gpio_write"]));
        board.Beat(acme);                                          // the first decision writes the caller's names

        long withPolicy = AllocatedBy(() => board.Beat(acme));

        Assert.Equal(withoutPolicy, withPolicy);
        Assert.Equal(101, board.Policies.Find("allow")!.Allowed);
    }

    /// <summary>Bytes this thread allocates over 100 calls of <paramref name="beat"/>.</summary>
    private static long AllocatedBy(Func<int> beat)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            beat();
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
