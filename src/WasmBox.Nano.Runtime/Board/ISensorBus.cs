namespace WasmBox.Nano.Runtime.Board
{
    /// <summary>
    /// The board's sensors and actuators as an indexed registry, like RIOT's SAUL registry
    /// that Femto-Containers' sensor helpers (find/read) expose. A reading is a fixed-point
    /// value: <c>value * 10^scale</c> in the unit of the sensor's type.
    /// </summary>
    public interface ISensorBus
    {
        int Count { get; }

        /// <summary>Device class id (SAUL-style, e.g. temperature, humidity, button, LED).</summary>
        int TypeOf(int index);

        /// <summary>Name from the hardware profile, e.g. "temp0".</summary>
        string NameOf(int index);

        /// <summary>Reads one value; false when the index is unknown or the read failed.</summary>
        bool Read(int index, out int value, out int scale);

        /// <summary>Writes an actuator; false when the device is not an actuator.</summary>
        bool Write(int index, int value);
    }
}
