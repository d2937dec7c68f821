using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Buses;
using WasmBox.Nano.Device.Gpio;
using WasmBox.Nano.Device.Sensors;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;

namespace WasmBox.Nano.Device
{
    /// <summary>
    /// The runtime's <see cref="IBoard"/> and <see cref="IBusBoard"/> on real hardware: the adapters of this
    /// assembly over one board description.
    /// </summary>
    public sealed class DeviceBoard : IBoard, IBusBoard
    {
        private readonly SensorRegistry _sensors;
        private readonly DeviceBuses _buses;

        public DeviceBoard(string deviceId, BoardDescription description, IClock clock, IStorage storage, ILogSink log)
        {
            DeviceId = deviceId;
            Description = description;
            Clock = clock;
            Storage = storage;
            Log = log;
            Gpio = new GpioAdapter(description, clock, log);
            _sensors = new SensorRegistry(description.Sensors);
            _buses = new DeviceBuses(description, clock);
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

        public II2cBus FindI2c(int number)
        {
            return (II2cBus)_buses.I2c.Find(number);
        }

        public ISpiBus FindSpi(int number)
        {
            return (ISpiBus)_buses.Spi.Find(number);
        }

        public IUartPort FindUart(int number)
        {
            return (IUartPort)_buses.Uarts.Find(number);
        }

        public IPwmChannel FindPwm(int number)
        {
            return (IPwmChannel)_buses.Pwm.Find(number);
        }

        public IAdcChannel FindAdc(int number)
        {
            return (IAdcChannel)_buses.Adc.Find(number);
        }
    }
}
