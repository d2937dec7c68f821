namespace WasmBox.Nano.Device.Board
{
    /// <summary>
    /// One ESP32 pin-multiplexer assignment: <see cref="Function"/> is the numeric value of
    /// nanoFramework.Hardware.Esp32's DeviceFunction (e.g. 0x20100 for I2C1_DATA), kept as a number so
    /// this family-neutral assembly does not reference the ESP32-only package.
    /// </summary>
    public sealed class PinFunction
    {
        public PinFunction(int pin, int function)
        {
            Pin = pin;
            Function = function;
        }

        public int Pin { get; private set; }

        public int Function { get; private set; }
    }
}
