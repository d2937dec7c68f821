namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>Budgets a sample's manifest asks for (`wbx pack --instructions/--branches/--ram/--stack-frames`).</summary>
public sealed record SampleBudgets(int Instructions, int Branches, int RamBytes, int StackFrames);

/// <summary>
/// One sample function as tools/samples/build.sh builds and packs it: source, entry, tenant and
/// slot, and the manifest's needs in `wbx pack` syntax (hooks "timer:1000", pins "2:output",
/// sensor names). The tests check the committed bundles against these, so a change to
/// build.sh that is not made here too fails.
/// </summary>
public sealed record SampleSpec(
    string Name, string Source, string Entry, string Tenant, int Slot,
    string[] Hooks, string[] Pins, string[] Sensors, SampleBudgets Budgets, bool Hostile = false)
{
    public string ImagePath => Path.Combine(SamplePaths.Out, Name + ".wbi");

    public string BundlePath => Path.Combine(SamplePaths.Out, Name + ".wbx");

    public override string ToString() => Name;
}

public static class SampleCatalog
{
    public static readonly SampleSpec Fletcher32 = new("fletcher32", "fletcher32.c", "fletcher32_main", "acme", 0,
        ["mqtt:acme/data/#"], [], [], new(20000, 2000, 1024, 1));

    public static readonly SampleSpec ThresholdAlarm = new("threshold_alarm", "threshold_alarm.c", "threshold_alarm", "initech", 0,
        ["timer:1000"], ["4:output"], ["temp0"], new(2000, 200, 1024, 1));

    public static readonly SampleSpec Blinker = new("blinker", "blinker.c", "blinker", "acme", 1,
        ["timer:500"], ["2:output"], [], new(1000, 100, 1024, 1));

    public static readonly SampleSpec CoapTemp = new("coap_temp", "coap_temp.c", "coap_temp", "initech", 1,
        ["coap:/initech/temp"], [], ["temp0"], new(2000, 200, 1024, 1));

    public static readonly SampleSpec ButtonCounter = new("button_counter", "button_counter.c", "button_counter", "globex", 0,
        ["gpio:0:both"], ["0:input-pullup"], [], new(1000, 100, 1024, 1));

    public static readonly SampleSpec EventCounter = new("event_counter", "femto/event_counter.c", "event_counter", "globex", 1,
        ["timer:1000", "gpio:0:both"], ["0:input-pullup"], [], new(1000, 100, 1024, 1));

    public static readonly SampleSpec SensorReader = new("sensor_reader", "femto/sensor_reader.c", "sensor_reader", "globex", 2,
        ["timer:1000"], [], ["hum0"], new(2000, 200, 1024, 1));

    public static readonly SampleSpec Spin = new("spin", "hostile/spin.c", "spin", "mallory", 0,
        ["timer:1000"], [], [], new(5000, 500, 1024, 1), Hostile: true);

    public static readonly SampleSpec OobRead = new("oob_read", "hostile/oob_read.c", "oob_read", "mallory", 1,
        ["mqtt:mallory/in"], [], [], new(5000, 500, 1024, 1), Hostile: true);

    public static readonly SampleSpec PinProbe = new("pin_probe", "hostile/pin_probe.c", "pin_probe", "mallory", 2,
        ["timer:1000"], ["5:output"], [], new(5000, 500, 1024, 1), Hostile: true);

    public static readonly SampleSpec Flood = new("flood", "hostile/flood.c", "flood", "mallory", 3,
        ["timer:1000"], [], [], new(5000, 500, 1024, 1), Hostile: true);

    public static readonly SampleSpec[] All =
        [Fletcher32, ThresholdAlarm, Blinker, CoapTemp, ButtonCounter, EventCounter, SensorReader, Spin, OobRead, PinProbe, Flood];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (SampleSpec s in All)
        {
            data.Add(s.Name);
        }
        return data;
    }

    public static SampleSpec Named(string name) => All.Single(s => s.Name == name);
}
