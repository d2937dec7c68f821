namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// An SPI device a function declares: the bus, the chip-select pin that picks the device,
    /// its clock and SPI mode, and the bus pins it expects (checked against the board at install).
    /// Programs name it by <see cref="Handle"/>: bus &lt;&lt; 16 | chip-select pin.
    /// </summary>
    public sealed class SpiDevice
    {
        public const int MaxBus = 7;
        public const int MaxPin = 1023;
        public const int MinClockHz = 1000;
        public const int MaxClockHz = 80000000;

        public SpiDevice(int bus, int chipSelectPin, int clockHz, int mode, int mosiPin, int misoPin, int clockPin)
        {
            Bus = bus;
            ChipSelectPin = chipSelectPin;
            ClockHz = clockHz;
            Mode = mode;
            MosiPin = mosiPin;
            MisoPin = misoPin;
            ClockPin = clockPin;
        }

        public int Bus { get; private set; }

        public int ChipSelectPin { get; private set; }

        public int ClockHz { get; private set; }

        /// <summary>SPI mode 0-3 (clock polarity and phase).</summary>
        public int Mode { get; private set; }

        public int MosiPin { get; private set; }

        public int MisoPin { get; private set; }

        public int ClockPin { get; private set; }

        public int Handle { get { return HandleOf(Bus, ChipSelectPin); } }

        public static int HandleOf(int bus, int chipSelectPin)
        {
            return (bus << 16) | chipSelectPin;
        }

        /// <summary>Null when the fields are in range, else why not.</summary>
        public string Problem()
        {
            if (Bus < 0 || Bus > MaxBus)
            {
                return "bus must be 0-" + MaxBus + ", got " + Bus;
            }
            if (ChipSelectPin < 0 || ChipSelectPin > MaxPin)
            {
                return "chip-select pin must be 0-" + MaxPin + ", got " + ChipSelectPin;
            }
            if (ClockHz < MinClockHz || ClockHz > MaxClockHz)
            {
                return "clock must be " + MinClockHz + "-" + MaxClockHz + " Hz, got " + ClockHz;
            }
            if (Mode < 0 || Mode > 3)
            {
                return "mode must be 0-3, got " + Mode;
            }
            return null;
        }

        /// <summary>"spi 1 cs 5 @1000000 Hz mode 0 (mosi 23, miso 19, sck 18)" for messages.</summary>
        public override string ToString()
        {
            return "spi " + Bus + " cs " + ChipSelectPin + " @" + ClockHz + " Hz mode " + Mode
                + " (mosi " + MosiPin + ", miso " + MisoPin + ", sck " + ClockPin + ")";
        }
    }

    /// <summary>An SPI bus and the chip-select pins on it a tenant's policy grants.</summary>
    public sealed class SpiGrant
    {
        private readonly int[] _chipSelects;

        public SpiGrant(int bus, int[] chipSelects)
        {
            Bus = bus;
            _chipSelects = chipSelects;
        }

        public int Bus { get; private set; }

        public int ChipSelectCount { get { return _chipSelects.Length; } }

        public int ChipSelectAt(int index)
        {
            return _chipSelects[index];
        }

        public bool Covers(SpiDevice device)
        {
            return device.Bus == Bus && PinSet.Contains(_chipSelects, device.ChipSelectPin);
        }
    }
}
