using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// Turns a signed manifest and its image into what the runtime installs: a
    /// <see cref="ContainerManifest"/> (name, hooks, pins, sensors, stack, entry point,
    /// data, bss, rodata) and the bytecode.
    /// </summary>
    /// <remarks>
    /// Names: MQTT topic filters and CoAP paths in a bundle are relative to the device's
    /// application namespace (wbx/{deviceId}/app/ and /app/), which is also the namespace the
    /// runtime's hooks and the tenant's grants are written in; a CoAP path gains the leading
    /// '/' the runtime's paths start with. GPIO edges: the runtime wakes a pin's hook on both
    /// edges and marks rising ones in the context flags (bit 0), so only "both" (3) maps as
    /// declared. Sensors are requested writable when the code calls actuator_write.
    /// </remarks>
    public sealed class ContainerImage
    {
        public const int DefaultStackFrames = 1;
        private const int BothEdges = 3;

        private ContainerImage(ContainerManifest manifest, byte[] code)
        {
            Manifest = manifest;
            Code = code;
        }

        public ContainerManifest Manifest { get; private set; }

        public byte[] Code { get; private set; }

        /// <summary>The stack frames a manifest asks for; 0 means the runtime's default.</summary>
        public static int StackFramesOf(Manifest m)
        {
            return m.StackFrames > 0 ? m.StackFrames : DefaultStackFrames;
        }

        /// <summary>The container's name: the manifest's, or "slot-N" when it has none.</summary>
        public static string NameOf(Manifest m)
        {
            return m.Name == null || m.Name.Length == 0 ? "slot-" + m.Slot : m.Name;
        }

        /// <summary>The mapped image, or null with the refusal in <paramref name="refusal"/> and <paramref name="reason"/>.</summary>
        public static ContainerImage From(Manifest m, FunctionImage image, out BundleRefusal refusal, out string reason)
        {
            string name = NameOf(m);
            if (PolicyParser.ValidateName(name) != null)
            {
                refusal = BundleRefusal.BadName;
                reason = "name '" + name + "' must be 1 to 32 characters of a-z, 0-9, '-' and '_' to name a container";
                return null;
            }
            int entry = CommonEntry(m, image, out reason);
            if (entry < 0)
            {
                refusal = BundleRefusal.UnsupportedEntry;
                return null;
            }
            HookBinding[] hooks = new HookBinding[m.Hooks.Length];
            for (int i = 0; i < hooks.Length; i++)
            {
                hooks[i] = MapHook(m.Hooks[i], out reason);
                if (hooks[i] == null)
                {
                    refusal = BundleRefusal.UnsupportedHook;
                    return null;
                }
            }
            ContainerManifest c = new ContainerManifest(name);
            c.Hooks = hooks;
            c.Pins = MapPins(m.Pins);
            c.Sensors = MapSensors(m.Sensors, CallsActuatorWrite(image));
            c.I2cDevices = MapI2c(m.I2c);
            c.Peripherals = MapPeripherals(m);
            c.StackFrames = StackFramesOf(m);
            c.Entry = entry;
            c.Data = image.Data.Length > 0 ? image.Data : null;
            c.BssSize = image.BssSize;
            c.Rodata = image.Rodata.Length > 0 ? image.Rodata : null;
            refusal = BundleRefusal.None;
            reason = null;
            return new ContainerImage(c, image.Text);
        }

        /// <summary>The instruction index every hook starts at (the default entry without hooks), or -1.</summary>
        private static int CommonEntry(Manifest m, FunctionImage image, out string reason)
        {
            int entry = 0;
            for (int i = 0; i < m.Hooks.Length; i++)
            {
                int e = m.Hooks[i].Entry;
                if (e != m.Hooks[0].Entry)
                {
                    reason = "hooks start at entries '" + image.Entries[m.Hooks[0].Entry].Name + "' and '"
                        + image.Entries[e].Name + "'; a container has one entry point, so ship one bundle per entry";
                    return -1;
                }
                entry = e;
            }
            reason = null;
            return image.Entries[entry].Index;
        }

        private static HookBinding MapHook(HookRequest h, out string reason)
        {
            reason = null;
            switch (h.Kind)
            {
                case WasmBox.Nano.Bundle.HookKind.Timer:
                    return HookBinding.Timer(h.PeriodMs);
                case WasmBox.Nano.Bundle.HookKind.GpioEdge:
                    if (h.Edge != BothEdges)
                    {
                        reason = "gpio-edge hook on pin " + h.Pin + " asks for " + (h.Edge == 1 ? "rising" : "falling")
                            + " edges only; the runtime delivers both edges (rising ones flagged in context bit 0), so declare edge 3";
                        return null;
                    }
                    return HookBinding.GpioEdge(h.Pin);
                case WasmBox.Nano.Bundle.HookKind.Mqtt:
                    return HookBinding.Mqtt(h.Path);
                case WasmBox.Nano.Bundle.HookKind.Coap:
                    return HookBinding.Coap(h.Path.Length > 0 && h.Path[0] == '/' ? h.Path : "/" + h.Path);
                case WasmBox.Nano.Bundle.HookKind.Boot:
                    return HookBinding.Boot();
                case WasmBox.Nano.Bundle.HookKind.Install:
                    return HookBinding.Install();
                default:
                    reason = "hook kind " + h.Kind + " is unknown";
                    return null;
            }
        }

        private static PinGrant[] MapPins(PinRequest[] pins)
        {
            // Bundle pin modes use PinDriveMode's numbering (0 input, 1 pull-up, 2 pull-down, 3 output).
            PinGrant[] mapped = new PinGrant[pins.Length];
            for (int i = 0; i < pins.Length; i++)
            {
                mapped[i] = new PinGrant(pins[i].Pin, (PinDriveMode)pins[i].Mode);
            }
            return mapped;
        }

        private static I2cDevice[] MapI2c(I2cRequest[] devices)
        {
            I2cDevice[] mapped = new I2cDevice[devices.Length];
            for (int i = 0; i < devices.Length; i++)
            {
                I2cRequest d = devices[i];
                mapped[i] = new I2cDevice(d.Bus, d.Address, d.SpeedHz, d.Sda, d.Scl);
            }
            return mapped;
        }

        /// <summary>Null unless the manifest declares SPI, UART, PWM or ADC.</summary>
        private static PeripheralNeeds MapPeripherals(Manifest m)
        {
            if (m.Spi.Length + m.Uart.Length + m.Pwm.Length + m.Adc.Length == 0)
            {
                return null;
            }
            SpiDevice[] spi = new SpiDevice[m.Spi.Length];
            for (int i = 0; i < spi.Length; i++)
            {
                SpiRequest d = m.Spi[i];
                spi[i] = new SpiDevice(d.Bus, d.ChipSelect, d.ClockHz, d.Mode, d.Mosi, d.Miso, d.Sck);
            }
            UartUse[] uart = new UartUse[m.Uart.Length];
            for (int i = 0; i < uart.Length; i++)
            {
                UartRequest u = m.Uart[i];
                uart[i] = new UartUse(u.Port, u.Baud, u.Tx, u.Rx);
            }
            return new PeripheralNeeds(spi, uart, MapChannels(m.Pwm), MapChannels(m.Adc));
        }

        private static ChannelUse[] MapChannels(ChannelRequest[] channels)
        {
            ChannelUse[] mapped = new ChannelUse[channels.Length];
            for (int i = 0; i < channels.Length; i++)
            {
                mapped[i] = new ChannelUse(channels[i].Channel, channels[i].Pin);
            }
            return mapped;
        }

        private static SensorGrant[] MapSensors(string[] names, bool writable)
        {
            SensorGrant[] mapped = new SensorGrant[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                mapped[i] = new SensorGrant(names[i], writable);
            }
            return mapped;
        }

        private static bool CallsActuatorWrite(FunctionImage image)
        {
            int[] called = HelperCalls.Of(image.Text);
            for (int i = 0; i < called.Length; i++)
            {
                if (called[i] == WasmBox.Nano.Runtime.Helpers.HelperIds.ActuatorWrite)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
