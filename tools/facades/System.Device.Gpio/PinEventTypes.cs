// Mirrors nanoFramework.System.Device.Gpio 1.1.62 (System.Device.Gpio), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Gpio tag v1.1.62.

namespace System.Device.Gpio
{
    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2
    }
}
