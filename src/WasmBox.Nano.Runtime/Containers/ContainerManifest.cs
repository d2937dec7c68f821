using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>
    /// What a function declares about itself (from its bundle manifest): name, hooks, run
    /// order, and the peripherals it needs. The runtime checks the needs against the
    /// tenant's grant at install and lets the container touch only what it declared.
    /// </summary>
    public sealed class ContainerManifest
    {
        public const int MaxStackFrames = 8;

        public ContainerManifest(string name)
        {
            Name = name;
        }

        /// <summary>Unique within the tenant.</summary>
        public string Name;

        public HookBinding[] Hooks = new HookBinding[0];

        /// <summary>Lower runs first among the containers of one hook; ties go by install order.</summary>
        public int Priority;

        /// <summary>Pins and the mode each is used in.</summary>
        public PinGrant[] Pins = new PinGrant[0];

        /// <summary>Sensors and actuators by board name; Writable for actuator writes.</summary>
        public SensorGrant[] Sensors = new SensorGrant[0];

        /// <summary>I2C devices the program talks to (by bus and address); checked against the tenant's grant at install.</summary>
        public I2cDevice[] I2cDevices = new I2cDevice[0];

        /// <summary>SPI devices, UARTs, PWM and ADC channels the program uses; null when it declares none (no heap).</summary>
        public PeripheralNeeds Peripherals;

        /// <summary><see cref="Peripherals"/>, or the shared empty set.</summary>
        public PeripheralNeeds DeclaredPeripherals { get { return Peripherals == null ? PeripheralNeeds.None : Peripherals; } }

        /// <summary>Stack frames of 512 bytes: 1 plus the deepest local-call nesting.</summary>
        public int StackFrames = 1;

        /// <summary>Optional initialised data, mapped read-write at MemoryRegion.DataBase; kept across runs.</summary>
        public byte[] Data;

        /// <summary>Zeroed bytes mapped right after <see cref="Data"/> (the image's .bss); kept across runs.</summary>
        public int BssSize;

        /// <summary>Instruction index every run starts at (the image's entry point).</summary>
        public int Entry;

        /// <summary>Optional read-only data, mapped at MemoryRegion.RodataBase.</summary>
        public byte[] Rodata;
    }
}
