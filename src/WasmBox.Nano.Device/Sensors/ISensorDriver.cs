namespace WasmBox.Nano.Device.Sensors
{
    /// <summary>
    /// Reads or drives one physical sensor or actuator (an I2C chip, an ADC channel, a relay pin). The firmware
    /// binds drivers to the profile's sensor names; values are fixed-point in the profile's scale.
    /// </summary>
    public interface ISensorDriver
    {
        /// <summary>False when the device did not answer.</summary>
        bool Read(out int value);

        /// <summary>False when the device refused the value or cannot be written.</summary>
        bool Write(int value);
    }
}
