// Mirrors nanoFramework.System.Device.Adc 1.1.24 (System.Device.Adc), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Adc tag v1.1.24.

namespace System.Device.Adc
{
    public class AdcController : AdcControllerBase
    {
        public AdcController() { throw null; }

        public override int ResolutionInBits { get { throw null; } }

        public override AdcChannel OpenChannel(int channelNumber) { throw null; }
    }
}
