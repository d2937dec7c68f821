// Mirrors nanoFramework.Hardware.Esp32 1.6.40 (nanoFramework.Hardware.Esp32), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/nanoFramework.Hardware.Esp32 tag v1.6.40.

namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { throw null; }
    }
}
