using System;
using System.Device.I2c;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Runtime.Board;
using II2cBus = WasmBox.Nano.Runtime.Buses.II2cBus;
using WasmBox.Nano.Runtime.Helpers;

namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// The runtime's <see cref="II2cBus"/> over System.Device.I2c: one cached I2cDevice per address, opened
    /// on the first transfer (and reopened only when a transfer asks for another speed mode). A transfer
    /// allocates nothing: SpanByte is a struct over the runtime's own buffers.
    /// </summary>
    public sealed class I2cBusAdapter : II2cBus
    {
        private const int Addresses = 128;

        private readonly int _busId;
        private readonly IClock _clock;
        private readonly I2cDevice[] _devices = new I2cDevice[Addresses];
        private readonly int[] _modes = new int[Addresses];

        public I2cBusAdapter(I2cBusDescription description, IClock clock)
        {
            Number = description.Number;
            SdaPin = description.SdaPin;
            SclPin = description.SclPin;
            _busId = BusControllers.I2cBusId(description.Number);
            _clock = clock;
        }

        public int Number { get; private set; }

        public int SdaPin { get; private set; }

        public int SclPin { get; private set; }

        public int Transfer(int address, int speedHz, byte[] write, int writeLength, byte[] read, int readLength, out int micros)
        {
            long started = _clock.NowMs;
            int errno;
            try
            {
                I2cDevice device = Open(address & (Addresses - 1), I2cStatus.SpeedMode(speedHz));
                I2cTransferResult result;
                if (readLength == 0)
                {
                    result = device.Write(new SpanByte(write, 0, writeLength));
                }
                else if (writeLength == 0)
                {
                    result = device.Read(new SpanByte(read, 0, readLength));
                }
                else
                {
                    result = device.WriteRead(new SpanByte(write, 0, writeLength), new SpanByte(read, 0, readLength));
                }
                errno = I2cStatus.ToErrno((int)result.Status);
            }
            catch (Exception)
            {
                // The driver throws for a bus it cannot open or a transfer it cannot start: the tenant sees -EIO, the board carries on.
                errno = -Errno.Io;
            }
            micros = BusClock.MicrosSince(_clock, started);
            return errno;
        }

        private I2cDevice Open(int address, int mode)
        {
            I2cDevice device = _devices[address];
            if (device != null && _modes[address] == mode)
            {
                return device;
            }
            if (device != null)
            {
                device.Dispose();
                _devices[address] = null;
            }
            device = new I2cDevice(new I2cConnectionSettings(_busId, address, (I2cBusSpeed)mode));
            _devices[address] = device;
            _modes[address] = mode;
            return device;
        }
    }
}
