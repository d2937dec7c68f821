using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.Demo;

/// <summary>
/// After a run: were each well-behaved tenant's results what its inputs and the board's
/// sensor signals call for, did no tenant see or change another's state, and was the hostile
/// tenant contained? Keys and behaviours are those of the sample sources in tools/samples.
/// Runs on real time are not at known instants, so sensor results are checked against the
/// signal over the time the run could have read it.
/// </summary>
public static class DemoChecks
{
    private const int BlinkerPin = 2;
    private const uint BlinkerOnCountKey = 1;
    private const uint PressesKey = 0x42;
    private const int EdgesPerPress = 2;
    private const uint AverageKey = 0x10;
    private const uint StampKey = 0x11;
    private const uint SensorReaderSettleMicros = 4 * 10_000; // four periodic wake-ups of 10 ms
    private const string Humidity = "hum0";
    private const string Temperature = "temp0";
    private const int AlarmPin = 4;
    private const uint AlarmOnKey = 1;
    private const int AlarmOnCenti = 2500;
    private const uint RequestsKey = 1;
    private const int TextPlain = 0;

    /// <summary>How long after its stamp a run may still be reading its sensor (a descheduled thread).</summary>
    private const int ReadSlackMs = 50;

    public static IReadOnlyList<TenantVerdict> Evaluate(SimulationSession session, IReadOnlyList<ScriptedInput> applied)
    {
        var inputs = new AppliedInputs(
            applied.OfType<ButtonClick>().Count(),
            applied.OfType<Message>().Where(m => m.Topic == DemoPlan.AcmeDataTopic).ToList(),
            session.CoapReplies.Where(r => r.Path == DemoPlan.InitechTempPath).ToList());
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
                checks.AddRange(ResultChecks(session, c, inputs));
            }
            checks.AddRange(IsolationChecks(tenant, mine, inputs));
            verdicts.Add(new TenantVerdict(tenant.Id, false, checks));
        }
        return verdicts;
    }

    private sealed record AppliedInputs(int Presses, List<Message> AcmeMessages, List<CoapReply> TempReplies);

    private static Check Contained(Container c) =>
        Check.Of(c.Name, "state", ContainerStateText.Describe(ContainerState.Quarantined), ContainerStateText.Describe(c.State));

    private static IEnumerable<Check> ResultChecks(SimulationSession session, Container c, AppliedInputs inputs) => c.Name switch
    {
        "blinker" => BlinkerChecks(session, c),
        "fletcher32" => Fletcher32Checks(c, inputs.AcmeMessages),
        "button_counter" => ButtonCounterChecks(c, inputs.Presses),
        "sensor_reader" => SensorReaderChecks(session, c),
        "threshold_alarm" => ThresholdAlarmChecks(session, c),
        "coap_temp" => CoapTempChecks(session, c, inputs.TempReplies),
        _ => [],
    };

    private static IEnumerable<Check> BlinkerChecks(SimulationSession session, Container c)
    {
        // Each run toggles the LED; its local store counts the runs that switched it on.
        long runs = c.Counters.Runs;
        yield return Check.Of(c.Name, "pin " + BlinkerPin + " high after an odd number of toggles", runs % 2 == 1, PinLevel(session, BlinkerPin));
        yield return Check.Of(c.Name, "times switched on (local store)", (uint)((runs + 1) / 2), c.LocalStore.Fetch(BlinkerOnCountKey));
    }

    private static IEnumerable<Check> Fletcher32Checks(Container c, List<Message> messages)
    {
        yield return Check.Of(c.Name, "runs = messages on " + DemoPlan.AcmeDataTopic, (long)messages.Count, c.Counters.Runs);
        if (messages.Count > 0)
        {
            yield return Check.Of(c.Name, "last checksum", (ulong)Fletcher32.Of(messages[^1].Payload), c.LastResult);
        }
    }

    private static IEnumerable<Check> ButtonCounterChecks(Container c, int presses)
    {
        yield return Check.Of(c.Name, "presses counted (local store)", (uint)presses, c.LocalStore.Fetch(PressesKey));
        yield return Check.Of(c.Name, "presses mirrored (tenant store)", (uint)presses, c.Tenant.GlobalStore.Fetch(PressesKey));
        yield return Check.Of(c.Name, "runs = button edges", (long)presses * EdgesPerPress, c.Counters.Runs);
    }

    /// <summary>Four readings at one instant: their average is the humidity signal at the stamped time.</summary>
    private static IEnumerable<Check> SensorReaderChecks(SimulationSession session, Container c)
    {
        uint average = c.Tenant.GlobalStore.Fetch(AverageKey);
        yield return Check.Of(c.Name, "average stored (tenant store) = returned", (ulong)average, c.LastResult);
        if (c.Counters.Runs > 0)
        {
            long readAtMs = (c.Tenant.GlobalStore.Fetch(StampKey) - SensorReaderSettleMicros) / 1000;
            SignalSpec signal = Sensor(session, Humidity).Signal;
            yield return Check.Of(c.Name, "average = " + Humidity + " at the stamped run time (+" + ReadSlackMs + " ms)", true,
                ValuesBetween(signal, readAtMs, readAtMs + ReadSlackMs).Contains((int)average));
        }
    }

    /// <summary>The alarm follows temp0: the returned reading is one the signal took, and the alarm pin mirrors the alarm state.</summary>
    private static IEnumerable<Check> ThresholdAlarmChecks(SimulationSession session, Container c)
    {
        SensorSpec temp = Sensor(session, Temperature);
        long now = session.Board.Clock.NowMs;
        HashSet<int> seen = ValuesBetween(temp.Signal, 0, now).Select(v => ToCenti(v, temp.Scale)).ToHashSet();
        bool alarmOn = c.LocalStore.Fetch(AlarmOnKey) == 1;
        if (c.Counters.Runs > 0)
        {
            yield return Check.Of(c.Name, "last reading (hundredths) is a value " + Temperature + " took", true, seen.Contains((int)c.LastResult));
        }
        yield return Check.Of(c.Name, "pin " + AlarmPin + " mirrors the alarm state (local store)", alarmOn, PinLevel(session, AlarmPin));
        if (seen.Max() <= AlarmOnCenti)
        {
            yield return Check.Of(c.Name, "alarm off: " + Temperature + " peaked at " + seen.Max() + ", never above " + AlarmOnCenti, false, alarmOn);
        }
    }

    /// <summary>Every GET answered 2.05 text/plain "T C #N": the temperature at the request and its running number.</summary>
    private static IEnumerable<Check> CoapTempChecks(SimulationSession session, Container c, List<CoapReply> replies)
    {
        SensorSpec temp = Sensor(session, Temperature);
        yield return Check.Of(c.Name, "runs = CoAP requests to " + DemoPlan.InitechTempPath, (long)replies.Count, c.Counters.Runs);
        yield return Check.Of(c.Name, "requests counted (local store)", (uint)replies.Count, c.LocalStore.Fetch(RequestsKey));
        int correct = replies.Select((r, i) => r.Answered && r.Code == CoapReply.Content && r.Format == TextPlain
            && ValuesBetween(temp.Signal, r.StartMs, r.EndMs).Any(v => r.PayloadText == Fixed(v, temp.Scale) + " C #" + (i + 1))).Count(ok => ok);
        yield return Check.Of(c.Name, "answers 2.05 \"<temp0> C #<n>\"", replies.Count, correct);
    }

    /// <summary>
    /// Nothing of another tenant's is visible: the tenant's shared store holds exactly the keys
    /// its own functions write (so no other tenant's write reached it).
    /// </summary>
    private static IEnumerable<Check> IsolationChecks(Tenant tenant, Container[] mine, AppliedInputs inputs)
    {
        int ownKeys = mine.Sum(c => c.Name switch
        {
            "button_counter" => inputs.Presses > 0 ? 1 : 0,
            "sensor_reader" => c.Counters.Runs > 0 ? 2 : 0,
            _ => 0,
        });
        yield return Check.Of("(tenant)", "keys in its shared store (only its own)", ownKeys, tenant.GlobalStore.Count);
    }

    private static bool PinLevel(SimulationSession session, int pin) => session.Board.Gpio.Snapshot().Single(p => p.Number == pin).Level;

    private static SensorSpec Sensor(SimulationSession session, string name) =>
        session.Board.Profile.Sensors.FirstOrDefault(s => s.Name == name)
        ?? throw new SimSetupException("profile " + session.Board.Profile.Id + " has no sensor " + name + ", which the demo's checks read");

    private static IEnumerable<int> ValuesBetween(SignalSpec signal, long fromMs, long toMs)
    {
        for (long t = Math.Max(0, fromMs); t <= toMs; t++)
        {
            yield return signal.ValueAt(t);
        }
    }

    /// <summary>value * 10^scale in hundredths, as threshold_alarm computes it.</summary>
    private static int ToCenti(int value, int scale) =>
        scale >= -2 ? value * (int)Math.Pow(10, scale + 2) : value / (int)Math.Pow(10, -2 - scale);

    /// <summary>value * 10^scale with -scale decimals, as fmt_s16_dfp writes it.</summary>
    private static string Fixed(int value, int scale)
    {
        if (scale >= 0)
        {
            return (value * (long)Math.Pow(10, scale)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        long divisor = (long)Math.Pow(10, -scale);
        long magnitude = Math.Abs((long)value);
        return (value < 0 ? "-" : "") + magnitude / divisor + "." + (magnitude % divisor).ToString(new string('0', -scale),
            System.Globalization.CultureInfo.InvariantCulture);
    }
}
