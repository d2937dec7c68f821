using System;
using System.Device.Spi;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Helpers;
// The runtime has its own SpiDevice (a tenant's declared device); this file means the driver's.
using SpiDevice = System.Device.Spi.SpiDevice;

namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// The runtime's <see cref="ISpiBus"/> over System.Device.Spi: one cached SpiDevice per chip select
    /// (SpiDevice copies its settings when opened, so another clock or mode reopens it). A transfer
    /// allocates nothing once its device is open.
    /// </summary>
    public sealed class SpiBusAdapter : ISpiBus
    {
        /// <summary>Chip selects kept open at once; the oldest is closed to make room.</summary>
        private const int OpenDevices = 8;

        private readonly int _busId;
        private readonly IClock _clock;
        private readonly SpiDevice[] _devices = new SpiDevice[OpenDevices];
        private readonly DeviceSlots _slots = new DeviceSlots(OpenDevices);

        public SpiBusAdapter(SpiBusDescription description, IClock clock)
        {
            Number = description.Number;
            MosiPin = description.MosiPin;
            MisoPin = description.MisoPin;
            ClockPin = description.ClockPin;
            _busId = BusControllers.SpiBusId(description.Number);
            _clock = clock;
        }

        public int Number { get; private set; }

        public int MosiPin { get; private set; }

        public int MisoPin { get; private set; }

        public int ClockPin { get; private set; }

        public int Transfer(int chipSelectPin, int clockHz, int mode, byte[] write, byte[] read, int length, out int micros)
        {
            micros = 0;
            int invalid = BusArguments.Spi(clockHz, mode);
            if (invalid != 0)
            {
                return invalid;
            }
            long started = _clock.NowMs;
            int errno = 0;
            try
            {
                Open(chipSelectPin, clockHz, mode).TransferFullDuplex(new SpanByte(write, 0, length), new SpanByte(read, 0, length));
            }
            catch (Exception)
            {
                // A chip select the driver refuses or a failed transfer: -EIO to the tenant, nothing else changes.
                errno = -Errno.Io;
            }
            micros = BusClock.MicrosSince(_clock, started);
            return errno;
        }

        private SpiDevice Open(int chipSelect, int clockHz, int mode)
        {
            bool open;
            int slot = _slots.Take(chipSelect, clockHz, mode, out open);
            // A device whose opening threw is tried again.
            if (!open && _devices[slot] != null)
            {
                return _devices[slot];
            }
            if (_devices[slot] != null)
            {
                _devices[slot].Dispose();
                _devices[slot] = null;
            }
            SpiConnectionSettings settings = new SpiConnectionSettings(_busId, chipSelect);
            settings.ClockFrequency = clockHz;
            settings.Mode = (SpiMode)mode;
            _devices[slot] = new SpiDevice(settings);
            return _devices[slot];
        }
    }
}
