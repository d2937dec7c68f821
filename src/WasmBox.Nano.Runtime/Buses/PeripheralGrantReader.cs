using WasmBox.Nano.Runtime.Json;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// A tenant's SPI, UART, PWM and ADC grants in the provisioning document:
    /// <c>"spi": [{"bus": 0, "chipSelects": [5]}], "uart": [1], "pwm": [0, 1], "adc": [6]</c>
    /// (UART ports, PWM and ADC channels as numbers). Each absent member grants nothing; numbers
    /// may not repeat within a list and an SPI bus is listed once. Every bad field is recorded.
    /// </summary>
    public static class PeripheralGrantReader
    {
        /// <summary>Null when the tenant has none of the members.</summary>
        public static PeripheralGrants Read(JsonObject tenant, string path, FieldErrors errors)
        {
            if (!tenant.Has("spi") && !tenant.Has("uart") && !tenant.Has("pwm") && !tenant.Has("adc"))
            {
                return null;
            }
            return new PeripheralGrants(ReadSpi(FieldReader.OptionalArray(tenant, path, "spi", errors), path + ".spi", errors),
                Numbers(FieldReader.OptionalArray(tenant, path, "uart", errors), path + ".uart", UartUse.MaxPort, errors),
                Numbers(FieldReader.OptionalArray(tenant, path, "pwm", errors), path + ".pwm", ChannelUse.MaxChannel, errors),
                Numbers(FieldReader.OptionalArray(tenant, path, "adc", errors), path + ".adc", ChannelUse.MaxChannel, errors));
        }

        private static SpiGrant[] ReadSpi(JsonArray list, string path, FieldErrors errors)
        {
            if (list == null)
            {
                return null;
            }
            SpiGrant[] grants = new SpiGrant[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                JsonObject obj = FieldReader.Object(list[i], at, errors);
                if (obj == null)
                {
                    continue;
                }
                int before = errors.Count;
                JsonFields.ReportUnknown(obj, at, PolicyKeys.Spi, errors);
                int bus = FieldReader.RequiredInt(obj, at, "bus", 0, SpiDevice.MaxBus, errors);
                JsonArray chipSelects = FieldReader.OptionalArray(obj, at, "chipSelects", errors);
                if (chipSelects == null && !obj.Has("chipSelects"))
                {
                    errors.Add(at + ".chipSelects", "is required; add the chip-select pins, e.g. \"chipSelects\": [5]");
                }
                int[] pins = Numbers(chipSelects, at + ".chipSelects", SpiDevice.MaxPin, errors);
                if (errors.Count > before)
                {
                    continue;
                }
                for (int k = 0; k < i; k++)
                {
                    if (grants[k] != null && grants[k].Bus == bus)
                    {
                        errors.Add(at + ".bus", "bus " + bus + " is already granted at " + path + "[" + k + "]; merge the two");
                    }
                }
                grants[i] = new SpiGrant(bus, pins);
            }
            return grants;
        }

        private static int[] Numbers(JsonArray list, string path, int max, FieldErrors errors)
        {
            if (list == null)
            {
                return null;
            }
            int[] numbers = new int[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                string at = path + "[" + i + "]";
                try
                {
                    numbers[i] = JsonFields.Int(list[i], at, 0, max);
                }
                catch (JsonFieldException e)
                {
                    errors.Add(e);
                    numbers[i] = -1;
                    continue;
                }
                for (int k = 0; k < i; k++)
                {
                    if (numbers[k] == numbers[i])
                    {
                        errors.Add(at, numbers[i] + " is listed twice; remove one");
                    }
                }
            }
            return numbers;
        }
    }
}
