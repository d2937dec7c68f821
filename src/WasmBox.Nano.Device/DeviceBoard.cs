using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Gpio;
using WasmBox.Nano.Device.Sensors;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device
{
    /// <summary>The runtime's <see cref="IBoard"/> on real hardware: the adapters of this assembly over one board description.</summary>
    public sealed class DeviceBoard : IBoard
    {
        private readonly SensorRegistry _sensors;

        public DeviceBoard(string deviceId, BoardDescription description, IClock clock, IStorage storage, ILogSink log)
        {
            DeviceId = deviceId;
            Description = description;
            Clock = clock;
            Storage = storage;
            Log = log;
            Gpio = new GpioAdapter(description, clock, log);
            _sensors = new SensorRegistry(description.Sensors);
        }

        public string DeviceId { get; private set; }

        public BoardDescription Description { get; private set; }

        public IGpio Gpio { get; private set; }

        public ISensorBus Sensors { get { return _sensors; } }

        /// <summary>Where the firmware binds sensor drivers by profile name.</summary>
        public SensorRegistry SensorRegistry { get { return _sensors; } }

        public IClock Clock { get; private set; }

        public IStorage Storage { get; private set; }

        public ILogSink Log { get; private set; }

        public int HeapBudgetBytes { get { return Description.HeapBudgetBytes; } }
    }
}
