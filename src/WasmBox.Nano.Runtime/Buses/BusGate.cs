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
            return (int)(((long)bits * 1000000 + speedHz - 1) / speedHz);
        }
    }

    /// <summary>The board's buses as the runtime sees them, each with its gate.</summary>
    public sealed class BusArbiter
    {
        private readonly IBusBoard _board;
        private readonly BusGate[] _i2cGates = new BusGate[I2cDevice.MaxBus + 1];

        /// <param name="board">The board's buses, or null when it has none.</param>
        public BusArbiter(IBusBoard board)
        {
            _board = board;
            for (int i = 0; i < _i2cGates.Length; i++)
            {
                if (FindI2c(i) != null)
                {
                    _i2cGates[i] = new BusGate();
                }
            }
        }

        /// <summary>The I2C bus with that number, or null.</summary>
        public II2cBus FindI2c(int number)
        {
            return _board == null || number < 0 || number > I2cDevice.MaxBus ? null : _board.FindI2c(number);
        }

        internal BusGate I2cGate(int number)
        {
            return _i2cGates[number];
        }
    }
}
