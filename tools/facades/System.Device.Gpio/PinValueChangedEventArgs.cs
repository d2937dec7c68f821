// Mirrors nanoFramework.System.Device.Gpio 1.1.62 (System.Device.Gpio), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Gpio tag v1.1.62.

using nanoFramework.Runtime.Events;

namespace System.Device.Gpio
{
    public class PinValueChangedEventArgs : BaseEvent
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) { throw null; }

        public PinEventTypes ChangeType { get { throw null; } }

        public int PinNumber { get { throw null; } }
    }
}
