using System.Text;
using WasmBox.Nano.Sim.Scripting;

namespace WasmBox.Nano.Sim.Demo;

/// <summary>
/// What the demo installs and does. Well-behaved tenants: acme (blinker on a 500 ms timer,
/// fletcher32 on MQTT acme/data/#), globex (button_counter and event_counter on the BOOT
/// button's edges, event_counter also on a timer). The hostile tenant mallory: an infinite
/// loop, an out-of-bounds reader, a pin prober and a helper flooder.
/// </summary>
public static class DemoPlan
{
    public const string HostileTenant = "mallory";
    public const string Button = "boot";
    public const string AcmeDataTopic = "acme/data/sensor";
    public const string HostileTopic = "mallory/in";

    public static readonly IReadOnlyList<string> WellBehavedBundles = ["blinker", "fletcher32", "button_counter", "event_counter"];

    public static readonly IReadOnlyList<string> HostileBundles = ["spin", "oob_read", "pin_probe", "flood"];

    private const long PressEveryMs = 1500;
    private const long MessageEveryMs = 1000;
    private const long QuietEndMs = 500;

    /// <summary>Presses, acme's data messages and (with the hostile tenant) mallory's bait, spread over the run.</summary>
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
        if (hostile)
        {
            inputs.AddRange(HostileBait(durationMs));
        }
        return new InputScript(inputs);
    }

    /// <summary>Messages for mallory's out-of-bounds reader during the first seconds.</summary>
    public static IEnumerable<Message> HostileBait(long durationMs)
    {
        for (long at = 1200; at <= Math.Min(durationMs - QuietEndMs, 6000); at += 1000)
        {
            // The first byte is the length oob_read believes: 200 * 1024 bytes.
            yield return new Message(HostileTopic, [200, 1, 2, 3, 4, 5, 6, 7], at);
        }
    }

    /// <summary>A different reading each time, odd and even lengths, so checksums differ.</summary>
    public static byte[] DataPayload(int n) => Encoding.ASCII.GetBytes("t=" + (2150 + n * 7) + ";h=" + (400 + n % 50) + ";n=" + n);
}
