using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Sensors
{
    /// <summary>
    /// The runtime's <see cref="ISensorBus"/> on a real board: the profile's sensors then actuators, at the
    /// same indices as on the simulator, each read through the driver the firmware bound to its name. A
    /// sensor without a driver reads as failed (false) rather than inventing a value: the profile's
    /// breadboard parts only exist on a board once someone wires them and binds their driver.
    /// </summary>
    public sealed class SensorRegistry : ISensorBus
    {
        private readonly SensorDescription[] _sensors;
        private readonly ISensorDriver[] _drivers;

        public SensorRegistry(SensorDescription[] sensors)
        {
            _sensors = sensors;
            _drivers = new ISensorDriver[sensors.Length];
        }

        public int Count { get { return _sensors.Length; } }

        /// <summary>Binds a driver to the profile sensor or actuator named <paramref name="name"/>; false when there is none.</summary>
        public bool Bind(string name, ISensorDriver driver)
        {
            int index = IndexOf(name);
            if (index < 0)
            {
                return false;
            }
            _drivers[index] = driver;
            return true;
        }

        public int IndexOf(string name)
        {
            for (int i = 0; i < _sensors.Length; i++)
            {
                if (_sensors[i].Name == name)
                {
                    return i;
                }
            }
            return -1;
        }

        public bool IsBound(int index)
        {
            return InRange(index) && _drivers[index] != null;
        }

        public int TypeOf(int index)
        {
            return InRange(index) ? _sensors[index].TypeId : 0;
        }

        public string NameOf(int index)
        {
            return InRange(index) ? _sensors[index].Name : null;
        }

        public bool Read(int index, out int value, out int scale)
        {
            value = 0;
            scale = 0;
            if (!IsBound(index))
            {
                return false;
            }
            scale = _sensors[index].Scale;
            return _drivers[index].Read(out value);
        }

        public bool Write(int index, int value)
        {
            if (!IsBound(index))
            {
                return false;
            }
            SensorDescription d = _sensors[index];
            if (!d.IsActuator || value < d.Min || value > d.Max)
            {
                return false;
            }
            return _drivers[index].Write(value);
        }

        private bool InRange(int index)
        {
            return index >= 0 && index < _sensors.Length;
        }
    }
}
