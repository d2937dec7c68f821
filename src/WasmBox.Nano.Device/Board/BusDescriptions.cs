namespace WasmBox.Nano.Device.Board
{
    /// <summary>An I2C controller tenants may use: the bus number manifests name and its two pins.</summary>
    public sealed class I2cBusDescription
    {
        public I2cBusDescription(int number, int sdaPin, int sclPin)
        {
            Number = number;
            SdaPin = sdaPin;
            SclPin = sclPin;
        }

        public int Number { get; private set; }

        public int SdaPin { get; private set; }

        public int SclPin { get; private set; }
    }

    /// <summary>An SPI controller tenants may use; chip selects are the devices' own pins.</summary>
    public sealed class SpiBusDescription
    {
        public SpiBusDescription(int number, int mosiPin, int misoPin, int clockPin)
        {
            Number = number;
            MosiPin = mosiPin;
            MisoPin = misoPin;
            ClockPin = clockPin;
        }

        public int Number { get; private set; }

        public int MosiPin { get; private set; }

        public int MisoPin { get; private set; }

        public int ClockPin { get; private set; }
    }

    /// <summary>A UART tenants may use (8N1 at the baud rate a call names).</summary>
    public sealed class UartDescription
    {
        public UartDescription(int number, int txPin, int rxPin)
        {
            Number = number;
            TxPin = txPin;
            RxPin = rxPin;
        }

        public int Number { get; private set; }

        public int TxPin { get; private set; }

        public int RxPin { get; private set; }
    }

    /// <summary>A PWM output on one pin.</summary>
    public sealed class PwmChannelDescription
    {
        public PwmChannelDescription(int number, int pin)
        {
            Number = number;
            Pin = pin;
        }

        public int Number { get; private set; }

        public int Pin { get; private set; }
    }

    /// <summary>
    /// An analog input: the number manifests name, its pin, and the converter's own channel for that pin
    /// (fixed by the chip, e.g. GPIO36 is ADC1 channel 0 on the ESP32).
    /// </summary>
    public sealed class AdcChannelDescription
    {
        public AdcChannelDescription(int number, int pin, int channel)
        {
            Number = number;
            Pin = pin;
            Channel = channel;
        }

        public int Number { get; private set; }

        public int Pin { get; private set; }

        public int Channel { get; private set; }
    }
}
