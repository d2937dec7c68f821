namespace WasmBox.Nano.Mqtt.Tests.Support;

internal static class Hex
{
    /// <summary>Bytes from hex digits; spaces are ignored.</summary>
    public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace(" ", ""));
}
