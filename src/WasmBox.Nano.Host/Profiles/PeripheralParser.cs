namespace WasmBox.Nano.Host.Profiles;

/// <summary>Reads the profile's optional "spi", "uart", "pwm" and "adc" members (shape only; the validator checks pins).</summary>
internal static class PeripheralParser
{
    /// <summary>What the profile describes (empty lists for absent members), or null after an error.</summary>
    public static PeripheralsSpec? Parse(JsonObjectReader r)
    {
        int before = r.Errors.Count;
        var spi = Items(r, "spi", Spi);
        var uarts = Items(r, "uart", Uart);
        var pwm = Items(r, "pwm", Pwm);
        var adc = Items(r, "adc", Adc);
        return r.Errors.Count > before ? null : new PeripheralsSpec(spi, uarts, pwm, adc);
    }

    private static List<T> Items<T>(JsonObjectReader r, string member, Func<JsonObjectReader, T?> read) where T : class
    {
        var list = new List<T>();
        foreach (var (element, path) in r.Array(member, required: false) ?? [])
        {
            JsonObjectReader? item = JsonObjectReader.Open(element, path, r.Errors);
            T? value = item is null ? null : read(item);
            item?.RejectUnknownMembers();
            if (value is not null)
            {
                list.Add(value);
            }
        }
        return list;
    }

    private static SpiBusSpec? Spi(JsonObjectReader r)
    {
        int? bus = r.Int32("bus", 0, 7);
        int? mosi = r.Int32("mosi", 0);
        int? miso = r.Int32("miso", 0);
        int? sck = r.Int32("sck", 0);
        var devices = Items(r, "devices", d =>
        {
            string? part = d.Choice("part", PeripheralParts.All);
            int? cs = d.Int32("chipSelect", 0);
            return part is null || cs is null ? null : new SpiPartSpec(part, cs.Value);
        });
        return bus is null || mosi is null || miso is null || sck is null ? null : new SpiBusSpec(bus.Value, mosi.Value, miso.Value, sck.Value, devices);
    }

    private static UartSpec? Uart(JsonObjectReader r)
    {
        int? port = r.Int32("port", 0, 7);
        int? tx = r.Int32("tx", 0);
        int? rx = r.Int32("rx", 0);
        string? part = r.Choice("part", PeripheralParts.All);
        return port is null || tx is null || rx is null || part is null ? null : new UartSpec(port.Value, tx.Value, rx.Value, part);
    }

    private static PwmSpec? Pwm(JsonObjectReader r)
    {
        int? channel = r.Int32("channel", 0, 31);
        int? pin = r.Int32("pin", 0);
        return channel is null || pin is null ? null : new PwmSpec(channel.Value, pin.Value);
    }

    private static AdcSpec? Adc(JsonObjectReader r)
    {
        int? channel = r.Int32("channel", 0, 31);
        int? pin = r.Int32("pin", 0);
        int? bits = r.Int32("bits", 8, 16);
        int? reference = r.Int32("referenceMillivolts", 1, 10000);
        SignalSpec? signal = HardwareProfileParser.Signal(r.Object("millivolts"));
        return channel is null || pin is null || bits is null || reference is null || signal is null
            ? null
            : new AdcSpec(channel.Value, pin.Value, bits.Value, reference.Value, signal);
    }
}
