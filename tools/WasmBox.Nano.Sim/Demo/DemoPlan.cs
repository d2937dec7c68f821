using System.Text;
using WasmBox.Nano.Sim.Scripting;

namespace WasmBox.Nano.Sim.Demo;

/// <summary>
/// What the demo installs and does. Three well-behaved tenants, each with two containers woken
/// by different kinds of hook: acme (blinker on a 500 ms timer, fletcher32 on MQTT
/// acme/data/#), globex (button_counter on the BOOT button's edges, sensor_reader on a 1 s
/// timer), initech (threshold_alarm on a 1 s timer, coap_temp on CoAP /initech/temp). The
/// hostile tenant mallory: an infinite loop, an out-of-bounds reader, a pin prober and a
/// helper flooder.
/// </summary>
public static class DemoPlan
{
    /// <summary>
    /// The demo's board: an ESP32 with PSRAM. The demo does not fit an ESP32-DevKitC, whose
    /// container budget is 53248 bytes (80 KB heap − 28 KB runtime reserve, `wbx memory
    /// --profile esp32-devkitc`): the four tenants hold 4524 bytes, the six well-behaved
    /// containers 62220 (8712–11400 bytes each on the device) and mallory's four 31908, so even
    /// without the hostile tenant the runtime refuses the fifth container with BoardMemoryExhausted.
    /// </summary>
    public const string DefaultProfile = "esp32-wrover-kit";

    public const string HostileTenant = "mallory";
    public const string Button = "boot";
    public const string AcmeDataTopic = "acme/data/sensor";
    public const string InitechTempPath = "/initech/temp";
    public const string HostileTopic = "mallory/in";

    public static readonly IReadOnlyList<string> WellBehavedBundles =
        ["blinker", "fletcher32", "button_counter", "sensor_reader", "threshold_alarm", "coap_temp"];

    public static readonly IReadOnlyList<string> HostileBundles = ["spin", "oob_read", "pin_probe", "flood"];

    private const long PressEveryMs = 1500;
    private const long MessageEveryMs = 1000;
    private const long CoapEveryMs = 1000;
    private const long QuietEndMs = 500;

    /// <summary>Presses, acme's data messages, CoAP GETs of initech's temperature and (with the hostile tenant) mallory's bait, spread over the run.</summary>
    public static InputScript Script(long durationMs, bool hostile)
    {
        var inputs = new List<ScriptedInput>();
        long last = durationMs - QuietEndMs;
        for (long at = 1000; at <= last; at += PressEveryMs)
        {
            inputs.Add(new ButtonClick(Button, at));
        }
        int n = 0;
        for (long at = 700; at <= last; at += MessageEveryMs)
        {
            inputs.Add(new Message(AcmeDataTopic, DataPayload(n++), at));
        }
        for (long at = 400; at <= last; at += CoapEveryMs)
        {
            inputs.Add(new CoapRequest(InitechTempPath, at));
        }
        if (hostile)
        {
            inputs.AddRange(HostileBait(durationMs));
        }
        return new InputScript(inputs);
    }

    /// <summary>
    /// Messages for mallory's out-of-bounds reader during the first seconds, close enough
    /// together that its third fault (the quarantine) comes before a 3-second demo ends.
    /// </summary>
    public static IEnumerable<Message> HostileBait(long durationMs)
    {
        for (long at = 700; at <= Math.Min(durationMs - QuietEndMs, 6000); at += 500)
        {
            // The first byte is the length oob_read believes: 200 * 1024 bytes.
            yield return new Message(HostileTopic, [200, 1, 2, 3, 4, 5, 6, 7], at);
        }
    }

    /// <summary>A different reading each time, odd and even lengths, so checksums differ.</summary>
    public static byte[] DataPayload(int n) => Encoding.ASCII.GetBytes("t=" + (2150 + n * 7) + ";h=" + (400 + n % 50) + ";n=" + n);
}
