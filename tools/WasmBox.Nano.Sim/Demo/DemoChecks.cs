using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.Demo;

/// <summary>
/// After a run: were each well-behaved tenant's results what its inputs call for, did no tenant
/// see or change another's state, and was the hostile tenant contained? Keys and behaviours
/// are those of the sample sources in tools/samples.
/// </summary>
public static class DemoChecks
{
    private const int BlinkerPin = 2;
    private const uint BlinkerOnCountKey = 1;
    private const uint PressesKey = 0x42;
    private const uint EventCounterBase = 0x100;
    private const int TimerKind = 1;
    private const int GpioEdgeKind = 2;
    private const int EdgesPerPress = 2;

    public static IReadOnlyList<TenantVerdict> Evaluate(SimulationSession session, IReadOnlyList<ScriptedInput> applied)
    {
        int presses = applied.OfType<ButtonClick>().Count();
        List<Message> acmeMessages = applied.OfType<Message>().Where(m => m.Topic == DemoPlan.AcmeDataTopic).ToList();
        var verdicts = new List<TenantVerdict>();
        foreach (Tenant tenant in session.Runtime.Tenants)
        {
            Container[] mine = session.Runtime.Containers.Where(c => c.Tenant == tenant).ToArray();
            if (tenant.Id == DemoPlan.HostileTenant)
            {
                if (mine.Length > 0)
                {
                    verdicts.Add(new TenantVerdict(tenant.Id, true, mine.Select(Contained).ToList()));
                }
                continue;
            }
            var checks = new List<Check>();
            foreach (Container c in mine)
            {
                checks.Add(Check.Of(c.Name, "faults", 0L, c.Counters.Faults));
                checks.AddRange(ResultChecks(session, c, presses, acmeMessages));
            }
            checks.AddRange(IsolationChecks(tenant, mine));
            verdicts.Add(new TenantVerdict(tenant.Id, false, checks));
        }
        return verdicts;
    }

    private static Check Contained(Container c) =>
        Check.Of(c.Name, "state", ContainerStateText.Describe(ContainerState.Quarantined), ContainerStateText.Describe(c.State));

    private static IEnumerable<Check> ResultChecks(SimulationSession session, Container c, int presses, List<Message> acmeMessages)
    {
        switch (c.Name)
        {
            case "blinker":
                // Each run toggles the LED; its local store counts the runs that switched it on.
                long runs = c.Counters.Runs;
                yield return Check.Of(c.Name, "pin " + BlinkerPin + " high after an odd number of toggles", runs % 2 == 1,
                    session.Board.Gpio.Snapshot().Single(p => p.Number == BlinkerPin).Level);
                yield return Check.Of(c.Name, "times switched on (local store)", (uint)((runs + 1) / 2), c.LocalStore.Fetch(BlinkerOnCountKey));
                break;
            case "fletcher32":
                yield return Check.Of(c.Name, "runs = messages on " + DemoPlan.AcmeDataTopic, (long)acmeMessages.Count, c.Counters.Runs);
                if (acmeMessages.Count > 0)
                {
                    yield return Check.Of(c.Name, "last checksum", (ulong)Fletcher32.Of(acmeMessages[^1].Payload), c.LastResult);
                }
                break;
            case "button_counter":
                yield return Check.Of(c.Name, "presses counted (local store)", (uint)presses, c.LocalStore.Fetch(PressesKey));
                yield return Check.Of(c.Name, "presses mirrored (tenant store)", (uint)presses, c.Tenant.GlobalStore.Fetch(PressesKey));
                yield return Check.Of(c.Name, "runs = button edges", (long)presses * EdgesPerPress, c.Counters.Runs);
                break;
            case "event_counter":
                long edges = (long)presses * EdgesPerPress;
                yield return Check.Of(c.Name, "edge events counted (tenant store)", (uint)edges, c.Tenant.GlobalStore.Fetch(EventCounterBase + GpioEdgeKind));
                yield return Check.Of(c.Name, "timer events counted (tenant store)", (uint)(c.Counters.Runs - edges), c.Tenant.GlobalStore.Fetch(EventCounterBase + TimerKind));
                break;
        }
    }

    /// <summary>
    /// Nothing of another tenant's is visible: the tenant's shared store holds exactly the keys
    /// its own functions write (so no other tenant's write reached it), and its pins are open
    /// in the modes it was granted.
    /// </summary>
    private static IEnumerable<Check> IsolationChecks(Tenant tenant, Container[] mine)
    {
        int ownKeys = mine.Sum(c => c.Name switch { "button_counter" => 1, "event_counter" => 2, _ => 0 });
        yield return Check.Of("(tenant)", "keys in its shared store (only its own)", ownKeys, tenant.GlobalStore.Count);
    }
}
