// Mirrors nanoFramework.System.Device.I2c 1.1.29 (System.Device.I2c), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.I2c tag v1.1.29.

namespace System.Device.I2c
{
    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { throw null; }

        public I2cTransferResult Read(SpanByte buffer) { throw null; }

        public I2cTransferResult Write(SpanByte buffer) { throw null; }

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer) { throw null; }

        public void Dispose() { throw null; }
    }
}
