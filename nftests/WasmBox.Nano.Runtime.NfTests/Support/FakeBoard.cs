using System.Collections;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// An in-memory board with the least the runtime needs: pins 0..15 that support every mode,
    /// no sensors, a clock the test moves, and a log that keeps its lines. No storage: the
    /// runtime core never touches it.
    /// </summary>
    public sealed class FakeBoard : IBoard
    {
        private readonly FakeGpio _gpio = new FakeGpio();
        private readonly NoSensors _sensors = new NoSensors();
        private readonly ManualClock _clock = new ManualClock();
        private readonly LineLog _log = new LineLog();

        public string DeviceId { get { return "nftest-board"; } }

        public IGpio Gpio { get { return _gpio; } }

        public ISensorBus Sensors { get { return _sensors; } }

        public IClock Clock { get { return _clock; } }

        public IStorage Storage { get { throw new System.NotSupportedException("the runtime core never touches storage"); } }

        public ILogSink Log { get { return _log; } }

        public int HeapBudgetBytes { get { return 64 * 1024; } }

        public FakeGpio FakeGpio { get { return _gpio; } }

        public ManualClock FakeClock { get { return _clock; } }

        public LineLog FakeLog { get { return _log; } }
    }

    /// <summary>Board time that moves only when the test says so.</summary>
    public sealed class ManualClock : IClock
    {
        private long _nowMs = 1000;

        public long NowMs { get { return _nowMs; } }

        public void Advance(int ms)
        {
            _nowMs += ms;
        }
    }

    /// <summary>Sixteen pins, each opened at most once, holding the last level written.</summary>
    public sealed class FakeGpio : IGpio
    {
        public const int PinCount = 16;

        private readonly bool[] _levels = new bool[PinCount];
        private readonly bool[] _open = new bool[PinCount];

        public bool IsModeSupported(int pin, PinDriveMode mode)
        {
            return pin >= 0 && pin < PinCount;
        }

        public bool OpenPin(int pin, PinDriveMode mode)
        {
            if (!IsModeSupported(pin, mode) || _open[pin])
            {
                return false;
            }
            _open[pin] = true;
            return true;
        }

        public void ClosePin(int pin)
        {
            _open[pin] = false;
        }

        public bool IsOpen(int pin)
        {
            return _open[pin];
        }

        public void Write(int pin, bool high)
        {
            _levels[pin] = high;
        }

        public bool Read(int pin)
        {
            return _levels[pin];
        }

        public void SetEdgeHandler(int pin, IGpioEdgeHandler handler)
        {
        }
    }

    /// <summary>A board without sensors or actuators.</summary>
    public sealed class NoSensors : ISensorBus
    {
        public int Count { get { return 0; } }

        public int TypeOf(int index)
        {
            throw new System.ArgumentOutOfRangeException("index");
        }

        public string NameOf(int index)
        {
            throw new System.ArgumentOutOfRangeException("index");
        }

        public bool Read(int index, out int value, out int scale)
        {
            value = 0;
            scale = 0;
            return false;
        }

        public bool Write(int index, int value)
        {
            return false;
        }
    }

    /// <summary>Keeps every line written as "source: line".</summary>
    public sealed class LineLog : ILogSink
    {
        private readonly ArrayList _lines = new ArrayList();

        public void Write(string source, string line)
        {
            lock (_lines)
            {
                _lines.Add(source + ": " + line);
            }
        }
    }
}
