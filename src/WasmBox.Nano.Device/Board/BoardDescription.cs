namespace WasmBox.Nano.Device.Board
{
    /// <summary>
    /// One board as the firmware sees it: the data of a hardware profile (hw-profiles/*.json), turned into
    /// C# by <c>wbx firmware-config</c> (firmware/BoardConfig.cs), so the profile stays the one source of truth.
    /// </summary>
    public sealed class BoardDescription
    {
        public const string FamilyEsp32 = "esp32";
        public const string FamilyStm32 = "stm32";

        public const string NetworkWifi = "wifi";
        public const string NetworkEthernet = "ethernet";
        public const string NetworkNone = "none";

        /// <summary>The profile's id, e.g. "esp32-devkitc".</summary>
        public string ProfileId { get; set; }

        public string Name { get; set; }

        /// <summary>The firmware image <c>nanoff --target</c> flashes, e.g. "ESP32_REV0".</summary>
        public string NanoffTarget { get; set; }

        /// <summary><see cref="FamilyEsp32"/> or <see cref="FamilyStm32"/>.</summary>
        public string Family { get; set; }

        public int ManagedHeapBytes { get; set; }

        /// <summary>Managed bytes containers may use: the heap less the runtime's reserve.</summary>
        public int HeapBudgetBytes { get; set; }

        public int MaxContainers { get; set; }

        public int MaxImageBytes { get; set; }

        public int StackFrames { get; set; }

        /// <summary><see cref="NetworkWifi"/>, <see cref="NetworkEthernet"/> or <see cref="NetworkNone"/>.</summary>
        public string Network { get; set; }

        /// <summary>nanoFramework drive for persistent storage, e.g. "I:" (ESP32 flash) or "D:" (SD card); null when none.</summary>
        public string StorageDrive { get; set; }

        public bool Mqtt { get; set; }

        public bool MqttTls { get; set; }

        public bool Coap { get; set; }

        public bool PersistentStorage { get; set; }

        public bool SignedUpdates { get; set; }

        public PinDescription[] Pins { get; set; }

        public LedDescription[] Leds { get; set; }

        public ButtonDescription[] Buttons { get; set; }

        /// <summary>Sensors first, then actuators, in profile order: the indices the sensor helpers use.</summary>
        public SensorDescription[] Sensors { get; set; }

        /// <summary>ESP32 pin multiplexing to apply at boot (empty on STM32, whose pins are fixed by the firmware).</summary>
        public PinFunction[] PinFunctions { get; set; }

        /// <summary>The buses and channels tenants may be granted, by the numbers manifests and policies use.</summary>
        public I2cBusDescription[] I2cBuses { get; set; }

        public SpiBusDescription[] SpiBuses { get; set; }

        public UartDescription[] Uarts { get; set; }

        public PwmChannelDescription[] PwmChannels { get; set; }

        public AdcChannelDescription[] AdcChannels { get; set; }

        public PinDescription FindPin(int number)
        {
            for (int i = 0; i < Pins.Length; i++)
            {
                if (Pins[i].Number == number)
                {
                    return Pins[i];
                }
            }
            return null;
        }
    }
}
