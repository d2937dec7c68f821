namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>
/// The lines both the runtime run and the native run of a scenario produce (the format
/// run_native.c documents), so the two can be compared line by line.
/// </summary>
public static class Trace
{
    public static string Run(int number, long r0) => "run " + number + " r0=" + r0;

    public static string Print(string text) => "print " + text.Replace("\\", "\\\\").Replace("\n", "\\n");

    public static string Publish(string topic, byte[] payload) => "publish " + topic + " " + Hex(payload);

    public static string Coap(int code, int format, byte[] payload) => "coap " + code + " " + format + " " + Hex(payload);

    public static string Pin(int pin, bool level) => "pin " + pin + "=" + (level ? 1 : 0);

    public static string Store(bool global, uint key, uint value) => (global ? "global " : "local ") + key + "=" + value;

    public static string Hex(byte[] bytes) => bytes.Length == 0 ? "-" : Convert.ToHexStringLower(bytes);
}
