namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// An I2C device a function declares in its manifest: the bus, the 7-bit address, the
    /// clock it talks at and the bus pins it expects (the board's wiring, checked at install).
    /// Programs name it by <see cref="Handle"/>: bus &lt;&lt; 8 | address.
    /// </summary>
    public sealed class I2cDevice
    {
        public const int MaxBus = 7;
        public const int FirstAddress = 0x08;
        public const int LastAddress = 0x77;
        public const int MinSpeedHz = 10000;
        public const int MaxSpeedHz = 1000000;

        public I2cDevice(int bus, int address, int speedHz, int sdaPin, int sclPin)
        {
            Bus = bus;
            Address = address;
            SpeedHz = speedHz;
            SdaPin = sdaPin;
            SclPin = sclPin;
        }

        public int Bus { get; private set; }

        public int Address { get; private set; }

        public int SpeedHz { get; private set; }

        public int SdaPin { get; private set; }

        public int SclPin { get; private set; }

        public int Handle { get { return HandleOf(Bus, Address); } }

        public static int HandleOf(int bus, int address)
        {
            return (bus << 8) | address;
        }

        /// <summary>Null when the fields are in range, else why not (reserved addresses 0-7 and 0x78-0x7F are refused).</summary>
        public string Problem()
        {
            if (Bus < 0 || Bus > MaxBus)
            {
                return "bus must be 0-" + MaxBus + ", got " + Bus;
            }
            if (Address < FirstAddress || Address > LastAddress)
            {
                return "address must be 0x08-0x77 (7-bit, not reserved), got 0x" + Address.ToString("x2");
            }
            if (SpeedHz < MinSpeedHz || SpeedHz > MaxSpeedHz)
            {
                return "speed must be " + MinSpeedHz + "-" + MaxSpeedHz + " Hz, got " + SpeedHz;
            }
            return null;
        }

        /// <summary>"i2c 0:0x44 @100000 Hz (sda 21, scl 22)" for messages.</summary>
        public override string ToString()
        {
            return "i2c " + Bus + ":0x" + Address.ToString("x2") + " @" + SpeedHz + " Hz (sda " + SdaPin + ", scl " + SclPin + ")";
        }
    }

    /// <summary>An I2C bus and the address range on it a tenant's policy grants.</summary>
    public sealed class I2cGrant
    {
        public I2cGrant(int bus, int first, int last)
        {
            Bus = bus;
            First = first;
            Last = last;
        }

        public int Bus { get; private set; }

        public int First { get; private set; }

        public int Last { get; private set; }

        public bool Covers(I2cDevice device)
        {
            return device.Bus == Bus && device.Address >= First && device.Address <= Last;
        }
    }
}
