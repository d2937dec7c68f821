using WasmBox.Nano.Runtime.Json;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// A tenant's "i2c" grants in the provisioning document:
    /// <c>[{"bus": 0, "first": 68, "last": 69}]</c> (addresses in decimal, JSON has no hex);
    /// "last" defaults to "first". Ranges of one tenant may not overlap. Every bad field is recorded.
    /// </summary>
    public static class I2cGrantReader
    {
        /// <param name="list">The "i2c" array, or null when the tenant has none.</param>
        public static I2cGrant[] Read(JsonArray list, string path, FieldErrors errors)
        {
            if (list == null)
            {
                return new I2cGrant[0];
            }
            I2cGrant[] grants = new I2cGrant[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                JsonObject obj = FieldReader.Object(list[i], at, errors);
                if (obj == null)
                {
                    continue;
                }
                int before = errors.Count;
                JsonFields.ReportUnknown(obj, at, PolicyKeys.I2c, errors);
                int bus = FieldReader.RequiredInt(obj, at, "bus", 0, I2cDevice.MaxBus, errors);
                int first = FieldReader.RequiredInt(obj, at, "first", I2cDevice.FirstAddress, I2cDevice.LastAddress, errors);
                int last = FieldReader.OptionalInt(obj, at, "last", first, I2cDevice.LastAddress, first, errors);
                if (errors.Count > before)
                {
                    continue;
                }
                for (int k = 0; k < i; k++)
                {
                    if (grants[k] != null && grants[k].Bus == bus && first <= grants[k].Last && last >= grants[k].First)
                    {
                        errors.Add(at, "overlaps " + path + "[" + k + "] on bus " + bus + "; merge the two ranges");
                    }
                }
                grants[i] = new I2cGrant(bus, first, last);
            }
            return grants;
        }
    }
}
