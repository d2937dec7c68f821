// Mirrors nanoFramework.System.Device.Gpio 1.1.62 (System.Device.Gpio), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Gpio tag v1.1.62.

namespace System.Device.Gpio
{
    public readonly struct PinValue
    {
        private readonly byte _dummyPrimitive;

        public static implicit operator PinValue(bool value) { throw null; }

        public static explicit operator bool(PinValue value) { throw null; }
    }
}
