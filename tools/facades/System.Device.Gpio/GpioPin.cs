// Mirrors nanoFramework.System.Device.Gpio 1.1.62 (System.Device.Gpio), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Gpio tag v1.1.62.

namespace System.Device.Gpio
{
    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() { throw null; }

        public void Dispose() { throw null; }
    }
}
