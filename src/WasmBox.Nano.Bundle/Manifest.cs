namespace WasmBox.Nano.Bundle
{
    /// <summary>Kinds of events a function can ask to be woken by (manifest key 8).</summary>
    public static class HookKind
    {
        public const int Timer = 1;
        public const int GpioEdge = 2;
        public const int Mqtt = 3;
        public const int Coap = 4;
        public const int Boot = 5;
        public const int Install = 6;
    }

    /// <summary>One hook a function asks for. Which fields matter depends on <see cref="Kind"/>.</summary>
    public sealed class HookRequest
    {
        public int Kind;
        /// <summary>Timer period in ms.</summary>
        public int PeriodMs;
        /// <summary>GPIO pin and edge (1 rising, 2 falling, 3 both).</summary>
        public int Pin;
        public int Edge;
        /// <summary>MQTT topic filter or CoAP path.</summary>
        public string Path;
        /// <summary>Index into the image's entry points.</summary>
        public int Entry;
    }

    /// <summary>A pin a function needs and the mode it drives it in (0 input, 1 pull-up, 2 pull-down, 3 output).</summary>
    public sealed class PinRequest
    {
        public PinRequest(int pin, int mode)
        {
            Pin = pin;
            Mode = mode;
        }

        public int Pin { get; private set; }

        public int Mode { get; private set; }
    }

    /// <summary>
    /// An I2C device a function talks to (manifest key 16): bus, 7-bit address, clock speed in Hz
    /// and the SDA/SCL pins the function expects the bus on.
    /// </summary>
    public sealed class I2cRequest
    {
        public I2cRequest(int bus, int address, int speedHz, int sda, int scl)
        {
            Bus = bus;
            Address = address;
            SpeedHz = speedHz;
            Sda = sda;
            Scl = scl;
        }

        public int Bus { get; private set; }

        public int Address { get; private set; }

        public int SpeedHz { get; private set; }

        public int Sda { get; private set; }

        public int Scl { get; private set; }
    }

    /// <summary>
    /// The signed description of a function (BUNDLE-FORMAT.md): who it belongs to, where it goes,
    /// which version it is, what image it carries and what it needs from the board.
    /// Zero budgets mean "the tenant's policy default".
    /// </summary>
    public sealed class Manifest
    {
        public const int FormatVersion = 1;

        public string Tenant;
        public int Slot;
        public long Sequence;
        public byte[] Digest;
        public int ImageSize;
        public string Name = "";
        public HookRequest[] Hooks = new HookRequest[0];
        public int[] Helpers = new int[0];
        public PinRequest[] Pins = new PinRequest[0];
        public string[] Sensors = new string[0];
        public int InstructionsPerRun;
        public int BranchesPerRun;
        public int RamBytes;
        public int StackFrames;
        public I2cRequest[] I2c = new I2cRequest[0];
        public SpiRequest[] Spi = new SpiRequest[0];
        public UartRequest[] Uart = new UartRequest[0];
        public ChannelRequest[] Pwm = new ChannelRequest[0];
        public ChannelRequest[] Adc = new ChannelRequest[0];
    }
}
