using System.Threading;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// I2C bus 0 on pins 21 (SDA) and 22 (SCL) with two devices, 0x44 and 0x45, that record
    /// what they are sent and answer reads with 0xA0, 0xA1, ...; any other address is not
    /// acknowledged. A transfer takes its wire time plus <see cref="StretchMicros"/>. A held
    /// device (<see cref="Hold"/>) keeps its transfer, and so the bus, until released.
    /// </summary>
    public sealed class FakeI2cBus : II2cBus
    {
        public const int Sda = 21;
        public const int Scl = 22;
        public const int DeviceA = 0x44;
        public const int DeviceB = 0x45;
        public const int FirstReadByte = 0xA0;

        private readonly byte[] _lastWrite = new byte[64];
        private readonly ManualResetEvent _entered = new ManualResetEvent(false);
        private readonly ManualResetEvent _release = new ManualResetEvent(true);
        private int _heldAddress = -1;

        public int Number { get { return 0; } }

        public int SdaPin { get { return Sda; } }

        public int SclPin { get { return Scl; } }

        public int Transfers;
        public int LastAddress = -1;
        public int LastWriteLength;
        public int LastReadLength;
        public int StretchMicros;

        public byte LastWritten(int index)
        {
            return _lastWrite[index];
        }

        /// <summary>The next transfer to <paramref name="address"/> waits inside the bus until <see cref="Release"/>.</summary>
        public void Hold(int address)
        {
            _heldAddress = address;
            _entered.Reset();
            _release.Reset();
        }

        /// <summary>Blocks until the held transfer is on the bus.</summary>
        public void WaitUntilHeld()
        {
            _entered.WaitOne();
        }

        public void Release()
        {
            _release.Set();
        }

        public int Transfer(int address, int speedHz, byte[] write, int writeLength, byte[] read, int readLength, out int micros)
        {
            micros = BusTime.I2cMicros(speedHz, writeLength, readLength) + StretchMicros;
            if (address == _heldAddress)
            {
                _entered.Set();
                _release.WaitOne();
            }
            Transfers++;
            LastAddress = address;
            LastWriteLength = writeLength;
            LastReadLength = readLength;
            if (address != DeviceA && address != DeviceB)
            {
                return -6;
            }
            System.Array.Copy(write, _lastWrite, writeLength);
            for (int i = 0; i < readLength; i++)
            {
                read[i] = (byte)(FirstReadByte + i);
            }
            return 0;
        }
    }

    /// <summary>
    /// The runtime tests' <see cref="FakeBoard"/> with <see cref="FakeI2cBus"/> as I2C bus 0, and
    /// the fakes of FakePeripherals.cs: SPI bus 0, UART 1, PWM channel 0 and ADC channel 6.
    /// </summary>
    public sealed class FakeBusBoard : IBoard, IBusBoard
    {
        private readonly FakeBoard _board = new FakeBoard();
        private readonly FakeI2cBus _i2c = new FakeI2cBus();
        private readonly FakeSpiBus _spi = new FakeSpiBus();
        private readonly FakeUartPort _uart = new FakeUartPort();
        private readonly FakePwmChannel _pwm = new FakePwmChannel();
        private readonly FakeAdcChannel _adc = new FakeAdcChannel();

        public string DeviceId { get { return _board.DeviceId; } }

        public IGpio Gpio { get { return _board.Gpio; } }

        public ISensorBus Sensors { get { return _board.Sensors; } }

        public IClock Clock { get { return _board.Clock; } }

        public IStorage Storage { get { return _board.Storage; } }

        public ILogSink Log { get { return _board.Log; } }

        public int HeapBudgetBytes { get { return _board.HeapBudgetBytes; } }

        public FakeI2cBus I2c { get { return _i2c; } }

        public FakeSpiBus Spi { get { return _spi; } }

        public FakeUartPort Uart { get { return _uart; } }

        public FakePwmChannel Pwm { get { return _pwm; } }

        public FakeAdcChannel Adc { get { return _adc; } }

        public ManualClock FakeClock { get { return _board.FakeClock; } }

        public II2cBus FindI2c(int number)
        {
            return number == 0 ? _i2c : null;
        }

        public ISpiBus FindSpi(int number)
        {
            return number == _spi.Number ? _spi : null;
        }

        public IUartPort FindUart(int number)
        {
            return number == _uart.Number ? _uart : null;
        }

        public IPwmChannel FindPwm(int number)
        {
            return number == _pwm.Number ? _pwm : null;
        }

        public IAdcChannel FindAdc(int number)
        {
            return number == _adc.Number ? _adc : null;
        }
    }
}
