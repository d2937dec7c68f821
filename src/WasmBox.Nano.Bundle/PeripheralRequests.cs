namespace WasmBox.Nano.Bundle
{
    /// <summary>
    /// An SPI device a function talks to (manifest key 17): bus, chip-select pin, clock in Hz,
    /// SPI mode 0-3 and the MOSI/MISO/SCK pins the function expects the bus on.
    /// </summary>
    public sealed class SpiRequest
    {
        public SpiRequest(int bus, int chipSelect, int clockHz, int mode, int mosi, int miso, int sck)
        {
            Bus = bus;
            ChipSelect = chipSelect;
            ClockHz = clockHz;
            Mode = mode;
            Mosi = mosi;
            Miso = miso;
            Sck = sck;
        }

        public int Bus { get; private set; }

        public int ChipSelect { get; private set; }

        public int ClockHz { get; private set; }

        public int Mode { get; private set; }

        public int Mosi { get; private set; }

        public int Miso { get; private set; }

        public int Sck { get; private set; }
    }

    /// <summary>A UART a function uses (manifest key 18): port, baud (8N1) and the TX/RX pins it expects.</summary>
    public sealed class UartRequest
    {
        public UartRequest(int port, int baud, int tx, int rx)
        {
            Port = port;
            Baud = baud;
            Tx = tx;
            Rx = rx;
        }

        public int Port { get; private set; }

        public int Baud { get; private set; }

        public int Tx { get; private set; }

        public int Rx { get; private set; }
    }

    /// <summary>A PWM output (manifest key 19) or ADC input (key 20) a function uses: channel and the pin it expects.</summary>
    public sealed class ChannelRequest
    {
        public ChannelRequest(int channel, int pin)
        {
            Channel = channel;
            Pin = pin;
        }

        public int Channel { get; private set; }

        public int Pin { get; private set; }
    }
}
