using WasmBox.Nano.Runtime.Json;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// A tenant's "i2c" grants in the provisioning document:
    /// <c>[{"bus": 0, "first": 68, "last": 69}]</c> (addresses in decimal, JSON has no hex);
    /// "last" defaults to "first". Ranges of one tenant may not overlap.
    /// </summary>
    public static class I2cGrantReader
    {
        public static I2cGrant[] Read(object value, string path)
        {
            if (value == null)
            {
                return new I2cGrant[0];
            }
            JsonArray list = JsonFields.Array(value, path);
            I2cGrant[] grants = new I2cGrant[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                JsonObject obj = JsonFields.Object(list[i], at);
                JsonFields.AllowOnly(obj, at, new string[] { "bus", "first", "last" }, "unknown member");
                int bus = JsonFields.RequiredInt(obj, at, "bus", 0, I2cDevice.MaxBus);
                int first = JsonFields.RequiredInt(obj, at, "first", I2cDevice.FirstAddress, I2cDevice.LastAddress);
                int last = JsonFields.OptionalInt(obj, at, "last", first, I2cDevice.LastAddress, first);
                for (int k = 0; k < i; k++)
                {
                    if (grants[k].Bus == bus && first <= grants[k].Last && last >= grants[k].First)
                    {
                        throw new JsonFieldException(at, "overlaps " + path + "[" + k + "] on bus " + bus);
                    }
                }
                grants[i] = new I2cGrant(bus, first, last);
            }
            return grants;
        }
    }
}
