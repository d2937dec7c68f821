using WasmBox.Nano.Runtime.Buses;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// SPI bus 0 (MOSI 23, MISO 19, SCK 18) whose devices answer every byte inverted; it records
    /// the last chip select, clock and mode. A transfer takes exactly its wire time.
    /// </summary>
    public sealed class FakeSpiBus : ISpiBus
    {
        public const int Mosi = 23;
        public const int Miso = 19;
        public const int Sck = 18;

        public int Transfers;
        public int LastChipSelect = -1;
        public int LastClockHz;
        public int LastMode = -1;
        public int LastLength;

        public int Number { get { return 0; } }

        public int MosiPin { get { return Mosi; } }

        public int MisoPin { get { return Miso; } }

        public int ClockPin { get { return Sck; } }

        public int Transfer(int chipSelectPin, int clockHz, int mode, byte[] write, byte[] read, int length, out int micros)
        {
            micros = BusTime.SpiMicros(clockHz, length);
            Transfers++;
            LastChipSelect = chipSelectPin;
            LastClockHz = clockHz;
            LastMode = mode;
            LastLength = length;
            for (int i = 0; i < length; i++)
            {
                read[i] = (byte)~write[i];
            }
            return 0;
        }
    }

    /// <summary>
    /// UART 1 (TX 17, RX 16) wired back to itself: what is written can be read. A read with
    /// nothing to read waits out its whole timeout (reported in micros, without sleeping).
    /// </summary>
    public sealed class FakeUartPort : IUartPort
    {
        public const int Tx = 17;
        public const int Rx = 16;

        private readonly byte[] _line = new byte[256];
        private int _count;

        public int Writes;
        public int Reads;

        public int Number { get { return 1; } }

        public int TxPin { get { return Tx; } }

        public int RxPin { get { return Rx; } }

        public int Write(int baud, byte[] data, int length, out int micros)
        {
            Writes++;
            micros = BusTime.UartMicros(baud, length);
            System.Array.Copy(data, 0, _line, _count, length);
            _count += length;
            return 0;
        }

        public int Read(int baud, byte[] buffer, int length, int timeoutMicros, out int micros)
        {
            Reads++;
            if (_count == 0)
            {
                micros = timeoutMicros;
                return 0;
            }
            int n = length < _count ? length : _count;
            System.Array.Copy(_line, 0, buffer, 0, n);
            System.Array.Copy(_line, n, _line, 0, _count - n);
            _count -= n;
            micros = BusTime.UartMicros(baud, n);
            return n;
        }
    }

    /// <summary>PWM channel 0 on pin 25, recording what it was set to.</summary>
    public sealed class FakePwmChannel : IPwmChannel
    {
        public const int OutputPin = 25;

        public int Sets;
        public int FrequencyHz;
        public int Duty = -1;

        public int Number { get { return 0; } }

        public int Pin { get { return OutputPin; } }

        public int Set(int frequencyHz, int dutyPerTenThousand)
        {
            Sets++;
            FrequencyHz = frequencyHz;
            Duty = dutyPerTenThousand;
            return 0;
        }
    }

    /// <summary>ADC channel 6 on pin 34, 12 bits, reading <see cref="Value"/> in <see cref="ConversionMicros"/>.</summary>
    public sealed class FakeAdcChannel : IAdcChannel
    {
        public const int InputPin = 34;

        public int Value;
        public int ConversionMicros = 40;
        public int Reads;

        public int Number { get { return 6; } }

        public int Pin { get { return InputPin; } }

        public int ResolutionBits { get { return 12; } }

        public int Read(out int micros)
        {
            Reads++;
            micros = ConversionMicros;
            return Value;
        }
    }
}
