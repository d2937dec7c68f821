using System.Threading;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// Exclusive use of one bus by one transfer at a time. A caller finding the bus busy
    /// blocks on an event (no spinning) for at most the time its run can still pay for.
    /// </summary>
    internal sealed class BusGate
    {
        // Signalled = free; an auto-reset event lets exactly one waiter through per Set.
        private readonly AutoResetEvent _free = new AutoResetEvent(true);

        public bool Enter(int timeoutMs)
        {
            return _free.WaitOne(timeoutMs, false);
        }

        public void Exit()
        {
            _free.Set();
        }
    }

    /// <summary>
    /// Turns bus time into run budget. Decision: one microsecond a transfer holds the bus (or
    /// waits for it) costs <see cref="InstructionsPerMicrosecond"/> instructions, about what the
    /// interpreter executes in that time on nanoCLR (188-621 ns per instruction measured, README),
    /// so a run's instruction budget bounds its bus time too.
    /// </summary>
    public static class BusTime
    {
        public const int InstructionsPerMicrosecond = 2;

        public static int Cost(int micros)
        {
            return micros > int.MaxValue / InstructionsPerMicrosecond ? int.MaxValue : micros * InstructionsPerMicrosecond;
        }

        /// <summary>Milliseconds of bus time <paramref name="instructions"/> pay for.</summary>
        public static int MillisFor(int instructions)
        {
            return instructions / (InstructionsPerMicrosecond * 1000);
        }

        /// <summary>
        /// Wire time of an I2C transfer: start, address byte and written bytes, then a repeated
        /// start, address byte and read bytes, and stop; 9 clocks per byte (8 bits and the ACK).
        /// </summary>
        public static int I2cMicros(int speedHz, int writeLength, int readLength)
        {
            int bits = 2;
            if (writeLength > 0)
            {
                bits += 9 * (1 + writeLength);
            }
            if (readLength > 0)
            {
                bits += (writeLength > 0 ? 1 : 0) + 9 * (1 + readLength);
            }
            return WireMicros(bits, speedHz);
        }

        /// <summary>Wire time of a full-duplex SPI transfer: 8 clocks per byte.</summary>
        public static int SpiMicros(int clockHz, int length)
        {
            return WireMicros(8L * length, clockHz);
        }

        /// <summary>Wire time of UART bytes at 8N1: 10 bit times per byte (start, 8 data, stop).</summary>
        public static int UartMicros(int baud, int length)
        {
            return WireMicros(10L * length, baud);
        }

        private static int WireMicros(long bits, int bitsPerSecond)
        {
            return (int)((bits * 1000000 + bitsPerSecond - 1) / bitsPerSecond);
        }
    }

    /// <summary>
    /// The board's buses, ports and channels as the runtime sees them, each with its gate (one
    /// call at a time on each; the seams promise their implementations no overlapping calls).
    /// </summary>
    public sealed class BusArbiter
    {
        private const int I2c = 0, Spi = 1, Uart = 2, Pwm = 3, Adc = 4;

        private readonly IBusBoard _board;

        // One gate per bus, port or channel the board has; an array only for the kinds it has, as
        // long as its highest number, so a board without buses pays nothing for them.
        private readonly BusGate[] _i2cGates;
        private readonly BusGate[] _spiGates;
        private readonly BusGate[] _uartGates;
        private readonly BusGate[] _pwmGates;
        private readonly BusGate[] _adcGates;

        /// <param name="board">The board's buses, or null when it has none.</param>
        public BusArbiter(IBusBoard board)
        {
            _board = board;
            _i2cGates = GatesFor(I2c, I2cDevice.MaxBus);
            _spiGates = GatesFor(Spi, SpiDevice.MaxBus);
            _uartGates = GatesFor(Uart, UartUse.MaxPort);
            _pwmGates = GatesFor(Pwm, ChannelUse.MaxChannel);
            _adcGates = GatesFor(Adc, ChannelUse.MaxChannel);
        }

        /// <summary>The I2C bus with that number, or null.</summary>
        public II2cBus FindI2c(int number)
        {
            return _board == null || number < 0 || number > I2cDevice.MaxBus ? null : _board.FindI2c(number);
        }

        /// <summary>The SPI bus with that number, or null.</summary>
        public ISpiBus FindSpi(int number)
        {
            return _board == null || number < 0 || number > SpiDevice.MaxBus ? null : _board.FindSpi(number);
        }

        /// <summary>The UART with that number, or null.</summary>
        public IUartPort FindUart(int number)
        {
            return _board == null || number < 0 || number > UartUse.MaxPort ? null : _board.FindUart(number);
        }

        /// <summary>The PWM channel with that number, or null.</summary>
        public IPwmChannel FindPwm(int number)
        {
            return _board == null || number < 0 || number > ChannelUse.MaxChannel ? null : _board.FindPwm(number);
        }

        /// <summary>The ADC channel with that number, or null.</summary>
        public IAdcChannel FindAdc(int number)
        {
            return _board == null || number < 0 || number > ChannelUse.MaxChannel ? null : _board.FindAdc(number);
        }

        /// <summary>"I2C bus 0" when a bus, port or channel of the board occupies <paramref name="pin"/>, else null.</summary>
        public string PinOwner(int pin)
        {
            for (int i = 0; i <= ChannelUse.MaxChannel; i++)
            {
                II2cBus i2c = FindI2c(i);
                ISpiBus spi = FindSpi(i);
                IUartPort uart = FindUart(i);
                IPwmChannel pwm = FindPwm(i);
                IAdcChannel adc = FindAdc(i);
                string owner = i2c != null && (i2c.SdaPin == pin || i2c.SclPin == pin) ? "I2C bus "
                    : spi != null && (spi.MosiPin == pin || spi.MisoPin == pin || spi.ClockPin == pin) ? "SPI bus "
                    : uart != null && (uart.TxPin == pin || uart.RxPin == pin) ? "UART "
                    : pwm != null && pwm.Pin == pin ? "PWM channel "
                    : adc != null && adc.Pin == pin ? "ADC channel " : null;
                if (owner != null)
                {
                    return owner + i;
                }
            }
            return null;
        }

        internal BusGate I2cGate(int number)
        {
            return GateOf(_i2cGates, number);
        }

        internal BusGate SpiGate(int number)
        {
            return GateOf(_spiGates, number);
        }

        internal BusGate UartGate(int number)
        {
            return GateOf(_uartGates, number);
        }

        internal BusGate PwmGate(int number)
        {
            return GateOf(_pwmGates, number);
        }

        internal BusGate AdcGate(int number)
        {
            return GateOf(_adcGates, number);
        }

        private static BusGate GateOf(BusGate[] gates, int number)
        {
            return gates == null || number < 0 || number >= gates.Length ? null : gates[number];
        }

        private BusGate[] GatesFor(int kind, int maxNumber)
        {
            int count = 0;
            for (int i = 0; i <= maxNumber; i++)
            {
                if (Has(kind, i))
                {
                    count = i + 1;
                }
            }
            if (count == 0)
            {
                return null;
            }
            BusGate[] gates = new BusGate[count];
            for (int i = 0; i < count; i++)
            {
                if (Has(kind, i))
                {
                    gates[i] = new BusGate();
                }
            }
            return gates;
        }

        private bool Has(int kind, int number)
        {
            switch (kind)
            {
                case I2c: return FindI2c(number) != null;
                case Spi: return FindSpi(number) != null;
                case Uart: return FindUart(number) != null;
                case Pwm: return FindPwm(number) != null;
                default: return FindAdc(number) != null;
            }
        }
    }
}
