namespace WasmBox.Nano.Host.Profiles;

public static partial class HardwareProfileValidator
{
    /// <summary>SPI, UART, PWM and ADC: numbers unique per kind, pins free and capable, chip selects output pins.</summary>
    private static void CheckPeripherals(HardwareProfile p, HashSet<int> busPins, List<ProfileError> errors)
    {
        PeripheralsSpec s = p.Peripherals;
        for (int i = 0; i < s.Spi.Count; i++)
        {
            SpiBusSpec bus = s.Spi[i];
            string path = "$.spi[" + i + "]";
            Unique(s.Spi.Take(i).Any(b => b.Bus == bus.Bus), path + ".bus", "bus " + bus.Bus, errors);
            ClaimBusPin(p, busPins, bus.Mosi, path + ".mosi", PinCapabilities.Output, errors);
            ClaimBusPin(p, busPins, bus.Miso, path + ".miso", PinCapabilities.Input, errors);
            ClaimBusPin(p, busPins, bus.Sck, path + ".sck", PinCapabilities.Output, errors);
            for (int k = 0; k < bus.Devices.Count; k++)
            {
                ClaimBusPin(p, busPins, bus.Devices[k].ChipSelect, path + ".devices[" + k + "].chipSelect", PinCapabilities.Output, errors);
            }
        }
        for (int i = 0; i < s.Uarts.Count; i++)
        {
            UartSpec uart = s.Uarts[i];
            string path = "$.uart[" + i + "]";
            Unique(s.Uarts.Take(i).Any(u => u.Port == uart.Port), path + ".port", "port " + uart.Port, errors);
            ClaimBusPin(p, busPins, uart.Tx, path + ".tx", PinCapabilities.Output, errors);
            ClaimBusPin(p, busPins, uart.Rx, path + ".rx", PinCapabilities.Input, errors);
        }
        for (int i = 0; i < s.Pwm.Count; i++)
        {
            string path = "$.pwm[" + i + "]";
            Unique(s.Pwm.Take(i).Any(c => c.Channel == s.Pwm[i].Channel), path + ".channel", "channel " + s.Pwm[i].Channel, errors);
            ClaimBusPin(p, busPins, s.Pwm[i].Pin, path + ".pin", PinCapabilities.Output | PinCapabilities.Pwm, errors);
        }
        for (int i = 0; i < s.Adc.Count; i++)
        {
            string path = "$.adc[" + i + "]";
            Unique(s.Adc.Take(i).Any(c => c.Channel == s.Adc[i].Channel), path + ".channel", "channel " + s.Adc[i].Channel, errors);
            ClaimBusPin(p, busPins, s.Adc[i].Pin, path + ".pin", PinCapabilities.Input | PinCapabilities.Adc, errors);
        }
    }

    private static void Unique(bool repeated, string path, string what, List<ProfileError> errors)
    {
        if (repeated)
        {
            errors.Add(new(path, what + " is described twice"));
        }
    }
}
