namespace WasmBox.Nano.Device.Board
{
    /// <summary>
    /// A sensor or actuator of the profile: its name, SAUL class id and fixed-point scale. Actuators also
    /// carry the range a write must fall in. How it is wired is the firmware's business (an
    /// <see cref="Sensors.ISensorDriver"/> bound by name); the profile only fixes the registry index.
    /// </summary>
    public sealed class SensorDescription
    {
        private SensorDescription(string name, int typeId, int scale, bool actuator, int min, int max)
        {
            Name = name;
            TypeId = typeId;
            Scale = scale;
            IsActuator = actuator;
            Min = min;
            Max = max;
        }

        public static SensorDescription Sensor(string name, int typeId, int scale)
        {
            return new SensorDescription(name, typeId, scale, false, 0, 0);
        }

        public static SensorDescription Actuator(string name, int typeId, int scale, int min, int max)
        {
            return new SensorDescription(name, typeId, scale, true, min, max);
        }

        public string Name { get; private set; }

        /// <summary>SAUL device class, e.g. 0x82 temperature, 0x45 switch.</summary>
        public int TypeId { get; private set; }

        /// <summary>A reading is value * 10^Scale.</summary>
        public int Scale { get; private set; }

        public bool IsActuator { get; private set; }

        public int Min { get; private set; }

        public int Max { get; private set; }
    }
}
