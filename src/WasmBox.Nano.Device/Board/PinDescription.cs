namespace WasmBox.Nano.Device.Board
{
    /// <summary>What a pin can do, as the profile's capability names (flags).</summary>
    public static class PinCapability
    {
        public const int Input = 1;
        public const int Output = 2;
        public const int PullUp = 4;
        public const int PullDown = 8;
        public const int Pwm = 16;
        public const int Adc = 32;
        public const int Interrupt = 64;
    }

    /// <summary>A pin an application may name: its GpioController number, label and capabilities.</summary>
    public sealed class PinDescription
    {
        public PinDescription(int number, string name, int capabilities, bool reserved)
        {
            Number = number;
            Name = name;
            Capabilities = capabilities;
            Reserved = reserved;
        }

        /// <summary>GPIO number on ESP32; port * 16 + pin on STM32 (PA0 = 0, PJ13 = 157).</summary>
        public int Number { get; private set; }

        public string Name { get; private set; }

        /// <summary>A combination of <see cref="PinCapability"/> flags.</summary>
        public int Capabilities { get; private set; }

        /// <summary>Used by the board itself (flash, PSRAM, debug UART): never opens.</summary>
        public bool Reserved { get; private set; }

        public bool Has(int capabilities)
        {
            return (Capabilities & capabilities) == capabilities;
        }
    }
}
