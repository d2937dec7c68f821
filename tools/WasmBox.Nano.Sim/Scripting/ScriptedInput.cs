using System.Globalization;
using System.Text;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.Scripting;

/// <summary>Something the outside world does to the board at a time (ms after start).</summary>
public abstract record ScriptedInput(long AtMs)
{
    /// <summary>Does it; false when the board could not take it (unknown button, no network).</summary>
    public abstract bool Apply(SimulationSession session);

    public abstract string Describe();

    /// <summary>Parses "BUTTON@MS" (a <c>--press</c> value).</summary>
    public static ButtonClick ParsePress(string text)
    {
        (string what, long at) = SplitTime(text, "--press", "BUTTON@MS, e.g. boot@1500");
        if (what.Length == 0)
        {
            throw new SimSetupException("--press " + text + ": the button name is missing (BUTTON@MS, e.g. boot@1500)");
        }
        return new ButtonClick(what, at);
    }

    /// <summary>Parses "TOPIC=PAYLOAD@MS" (a <c>--message</c> value); the payload is UTF-8 text.</summary>
    public static Message ParseMessage(string text)
    {
        const string Shape = "TOPIC=PAYLOAD@MS, e.g. globex/data=hello@2000";
        (string what, long at) = SplitTime(text, "--message", Shape);
        int equals = what.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new SimSetupException("--message " + text + ": expected " + Shape);
        }
        return new Message(what[..equals], Encoding.UTF8.GetBytes(what[(equals + 1)..]), at);
    }

    private static (string What, long AtMs) SplitTime(string text, string option, string shape)
    {
        int at = text.LastIndexOf('@');
        if (at < 0 || !long.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long ms))
        {
            throw new SimSetupException(option + " " + text + ": expected " + shape + " (time in ms after start)");
        }
        return (text[..at], ms);
    }
}

/// <summary>Press and release a profile button.</summary>
public sealed record ButtonClick(string Button, long AtMs) : ScriptedInput(AtMs)
{
    public override bool Apply(SimulationSession session) => session.Click(Button);

    public override string Describe() => "press " + Button;
}

/// <summary>A message from the cloud side on a topic.</summary>
public sealed record Message(string Topic, byte[] Payload, long AtMs) : ScriptedInput(AtMs)
{
    public override bool Apply(SimulationSession session) => session.Publish(Topic, Payload);

    public override string Describe() => "message " + Topic + " (" + Payload.Length + " bytes)";
}

/// <summary>A CoAP request from a client on the network to a path of the board's CoAP server.</summary>
public sealed record CoapRequest(string Path, long AtMs) : ScriptedInput(AtMs)
{
    public override bool Apply(SimulationSession session) => session.Request(Path, []);

    public override string Describe() => "coap GET " + Path;
}
