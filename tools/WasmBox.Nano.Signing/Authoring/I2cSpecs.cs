using System.Globalization;
using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Signing.Authoring;

/// <summary>
/// I2C device requests as `wbx pack --i2c` takes them: <c>BUS:ADDRESS:SPEED:SDA:SCL</c>, e.g.
/// <c>0:0x44:100000:21:22</c> (address decimal or 0x-hex, speed in Hz, the bus's pins). Only
/// the syntax is checked here; the ranges are the manifest decoder's, applied when signing.
/// </summary>
public static class I2cSpecs
{
    public static I2cRequest Parse(string spec)
    {
        string context = "i2c '" + spec + "'";
        string[] parts = spec.Split(':');
        if (parts.Length != 5)
        {
            throw new BundleAuthoringException(context + ": expected BUS:ADDRESS:SPEED:SDA:SCL, e.g. 0:0x44:100000:21:22");
        }
        return new I2cRequest(Number(context, parts[0], "bus"), Number(context, parts[1], "address"),
            Number(context, parts[2], "speed"), Number(context, parts[3], "SDA pin"), Number(context, parts[4], "SCL pin"));
    }

    /// <summary>"0:0x44 @100000 Hz (sda 21, scl 22)".</summary>
    public static string Describe(I2cRequest d) =>
        d.Bus + ":0x" + d.Address.ToString("x2", CultureInfo.InvariantCulture) + " @" + d.SpeedHz + " Hz (sda " + d.Sda + ", scl " + d.Scl + ")";

    internal static int Number(string context, string text, string what)
    {
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return int.TryParse(hex ? text[2..] : text, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
            CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new BundleAuthoringException(context + ": " + what + " '" + text + "' is not a whole number");
    }
}
