using System;
using System.IO.Ports;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Helpers;

namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// The runtime's <see cref="IUartPort"/> over System.IO.Ports.SerialPort (8N1), opened on first use and
    /// kept open; the baud rate is set only when a call asks for another. Reads wait for the first byte with
    /// ReadTimeout (the driver blocks, nothing spins), then take what has arrived, up to the length asked.
    /// </summary>
    public sealed class UartAdapter : IUartPort
    {
        private readonly string _portName;
        private readonly IClock _clock;
        private SerialPort _port;

        public UartAdapter(UartDescription description, IClock clock)
        {
            Number = description.Number;
            TxPin = description.TxPin;
            RxPin = description.RxPin;
            _portName = BusControllers.UartPortName(description.Number);
            _clock = clock;
        }

        public int Number { get; private set; }

        public int TxPin { get; private set; }

        public int RxPin { get; private set; }

        public int Write(int baud, byte[] data, int length, out int micros)
        {
            micros = 0;
            int invalid = BusArguments.Uart(baud);
            if (invalid != 0)
            {
                return invalid;
            }
            long started = _clock.NowMs;
            try
            {
                Open(baud).Write(data, 0, length);
            }
            catch (Exception)
            {
                micros = BusClock.MicrosSince(_clock, started);
                return -Errno.Io;
            }
            // Write returns once the bytes are queued; the line is busy until they are out.
            int measured = BusClock.MicrosSince(_clock, started);
            int wire = BusClock.UartWireMicros(baud, length);
            micros = measured > wire ? measured : wire;
            return 0;
        }

        public int Read(int baud, byte[] buffer, int length, int timeoutMicros, out int micros)
        {
            micros = 0;
            int invalid = BusArguments.Uart(baud);
            if (invalid != 0)
            {
                return invalid;
            }
            long started = _clock.NowMs;
            int count;
            try
            {
                SerialPort port = Open(baud);
                count = 0;
                if (port.BytesToRead == 0)
                {
                    port.ReadTimeout = BusClock.ReadTimeoutMs(timeoutMicros);
                    count = ReadFirst(port, buffer);
                }
                int waiting = port.BytesToRead;
                if (count < length && waiting > 0)
                {
                    count += port.Read(buffer, count, waiting < length - count ? waiting : length - count);
                }
            }
            catch (Exception)
            {
                count = -Errno.Io;
            }
            micros = BusClock.MicrosSince(_clock, started);
            return count;
        }

        /// <summary>Blocks up to ReadTimeout for one byte; 0 when none came.</summary>
        private static int ReadFirst(SerialPort port, byte[] buffer)
        {
            try
            {
                return port.Read(buffer, 0, 1);
            }
            catch (TimeoutException)
            {
                return 0;
            }
        }

        private SerialPort Open(int baud)
        {
            if (_port == null)
            {
                SerialPort port = new SerialPort(_portName, baud);
                port.Open();
                _port = port;
            }
            else if (_port.BaudRate != baud)
            {
                _port.BaudRate = baud;
            }
            return _port;
        }
    }
}
