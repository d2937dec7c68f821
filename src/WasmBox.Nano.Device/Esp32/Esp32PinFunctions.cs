using nanoFramework.Hardware.Esp32;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Esp32
{
    /// <summary>
    /// Routes ESP32 peripherals (I2C, SPI, UART, PWM) to the pins the board configuration assigns, before
    /// any driver opens them: the ESP32's GPIO matrix lets almost any pin carry any function.
    /// </summary>
    public static class Esp32PinFunctions
    {
        public static void Apply(PinFunction[] functions, ILogSink log)
        {
            for (int i = 0; i < functions.Length; i++)
            {
                Configuration.SetPinFunction(functions[i].Pin, (DeviceFunction)functions[i].Function);
                log.Write("boot", "pin " + functions[i].Pin + " -> function 0x" + functions[i].Function.ToString("X"));
            }
        }
    }
}
