// Mirrors nanoFramework.System.Device.Spi 1.3.89 (System.Device.Spi), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Spi tag v1.3.89.

namespace System.Device.Spi
{
    public sealed class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine = -1) { throw null; }

        public SpiMode Mode { get { throw null; } set { throw null; } }

        public int ClockFrequency { get { throw null; } set { throw null; } }
    }
}
