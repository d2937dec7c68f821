namespace WasmBox.Nano.Host.Profiles;

/// <summary>Reads the profile's optional "i2c" member (shape only; the validator checks pins and addresses).</summary>
internal static class I2cBusParser
{
    /// <summary>The buses, an empty list when the member is absent, or null after an error.</summary>
    public static IReadOnlyList<I2cBusSpec>? Parse(JsonObjectReader r)
    {
        int before = r.Errors.Count;
        var items = r.Array("i2c", required: false);
        var buses = new List<I2cBusSpec>();
        foreach (var (element, path) in items ?? [])
        {
            I2cBusSpec? bus = Bus(JsonObjectReader.Open(element, path, r.Errors));
            if (bus is not null)
            {
                buses.Add(bus);
            }
        }
        return r.Errors.Count > before ? null : buses;
    }

    private static I2cBusSpec? Bus(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        int? bus = r.Int32("bus", 0, 7);
        int? sda = r.Int32("sda", 0);
        int? scl = r.Int32("scl", 0);
        var items = r.Array("devices");
        var devices = new List<I2cPartSpec>();
        bool complete = items is not null;
        foreach (var (element, path) in items ?? [])
        {
            I2cPartSpec? part = Part(JsonObjectReader.Open(element, path, r.Errors));
            complete &= part is not null;
            if (part is not null)
            {
                devices.Add(part);
            }
        }
        r.RejectUnknownMembers();
        return bus is null || sda is null || scl is null || !complete ? null : new I2cBusSpec(bus.Value, sda.Value, scl.Value, devices);
    }

    private static I2cPartSpec? Part(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        string? part = r.Choice("part", I2cParts.All);
        int? address = r.Int32("address", 0x08, 0x77);
        SignalSpec? temperature = HardwareProfileParser.Signal(r.Object("temperature"));
        SignalSpec? humidity = HardwareProfileParser.Signal(r.Object("humidity"));
        r.RejectUnknownMembers();
        return part is null || address is null || temperature is null || humidity is null
            ? null
            : new I2cPartSpec(part, address.Value, temperature, humidity);
    }
}
