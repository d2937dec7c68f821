// Mirrors nanoFramework.System.Device.Gpio 1.1.62 (System.Device.Gpio), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Gpio tag v1.1.62.

namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public GpioController() { throw null; }

        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw null; }

        public void ClosePin(int pinNumber) { throw null; }

        public void Dispose() { throw null; }

        public bool IsPinModeSupported(int pinNumber, PinMode mode) { throw null; }

        public PinValue Read(int pinNumber) { throw null; }

        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) { throw null; }

        public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) { throw null; }

        public void Write(int pinNumber, PinValue value) { throw null; }
    }
}
