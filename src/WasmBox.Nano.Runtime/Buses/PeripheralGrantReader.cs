using WasmBox.Nano.Runtime.Json;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// A tenant's SPI, UART, PWM and ADC grants in the provisioning document:
    /// <c>"spi": [{"bus": 0, "chipSelects": [5]}], "uart": [1], "pwm": [0, 1], "adc": [6]</c>
    /// (UART ports, PWM and ADC channels as numbers). Each absent member grants nothing; numbers
    /// may not repeat within a list and an SPI bus is listed once.
    /// </summary>
    public static class PeripheralGrantReader
    {
        /// <summary>Null when the tenant has none of the members.</summary>
        public static PeripheralGrants Read(JsonObject tenant, string path)
        {
            if (!tenant.Has("spi") && !tenant.Has("uart") && !tenant.Has("pwm") && !tenant.Has("adc"))
            {
                return null;
            }
            return new PeripheralGrants(ReadSpi(tenant.Get("spi"), path + ".spi"),
                Numbers(tenant.Get("uart"), path + ".uart", UartUse.MaxPort),
                Numbers(tenant.Get("pwm"), path + ".pwm", ChannelUse.MaxChannel),
                Numbers(tenant.Get("adc"), path + ".adc", ChannelUse.MaxChannel));
        }

        private static SpiGrant[] ReadSpi(object value, string path)
        {
            if (value == null)
            {
                return null;
            }
            JsonArray list = JsonFields.Array(value, path);
            SpiGrant[] grants = new SpiGrant[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                JsonObject obj = JsonFields.Object(list[i], at);
                JsonFields.AllowOnly(obj, at, new string[] { "bus", "chipSelects" }, "unknown member");
                int bus = JsonFields.RequiredInt(obj, at, "bus", 0, SpiDevice.MaxBus);
                for (int k = 0; k < i; k++)
                {
                    if (grants[k].Bus == bus)
                    {
                        throw new JsonFieldException(at + ".bus", "bus " + bus + " is already granted at " + path + "[" + k + "]");
                    }
                }
                grants[i] = new SpiGrant(bus, Numbers(JsonFields.Required(obj, at, "chipSelects"), at + ".chipSelects", SpiDevice.MaxPin));
            }
            return grants;
        }

        private static int[] Numbers(object value, string path, int max)
        {
            if (value == null)
            {
                return null;
            }
            JsonArray list = JsonFields.Array(value, path);
            int[] numbers = new int[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                int n = JsonFields.Int(list[i], path + "[" + i + "]", 0, max);
                for (int k = 0; k < i; k++)
                {
                    if (numbers[k] == n)
                    {
                        throw new JsonFieldException(path + "[" + i + "]", n + " is listed twice");
                    }
                }
                numbers[i] = n;
            }
            return numbers;
        }
    }
}
