// Mirrors nanoFramework.System.Device.Adc 1.1.24 (System.Device.Adc), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Adc tag v1.1.24.

namespace System.Device.Adc
{
    public class AdcChannel : AdcChannelBase, IDisposable
    {
        internal AdcChannel() { }

        public override int ReadValue() { throw null; }

        public void Dispose() { throw null; }
    }
}
