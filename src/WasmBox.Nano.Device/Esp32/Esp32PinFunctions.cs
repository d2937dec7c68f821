using nanoFramework.Hardware.Esp32;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Buses;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Esp32
{
    /// <summary>
    /// Routes ESP32 peripherals (I2C, SPI, UART, PWM) to the pins the board configuration assigns, before
    /// any driver opens them: the ESP32's GPIO matrix lets almost any pin carry any function.
    /// </summary>
    public static class Esp32PinFunctions
    {
        /// <summary>
        /// Applies the description's own pin functions, then those its buses need (<see cref="Esp32BusPins"/>).
        /// Returns null, or why the buses cannot be routed on an ESP32 (then nothing of the buses is routed).
        /// </summary>
        public static string Apply(BoardDescription board, ILogSink log)
        {
            Apply(board.PinFunctions, log);
            string problem = BusWiring.Problem(board) ?? Esp32BusPins.Problem(board);
            if (problem != null)
            {
                return problem;
            }
            Apply(Esp32BusPins.Plan(board), log);
            return null;
        }

        private static void Apply(PinFunction[] functions, ILogSink log)
        {
            for (int i = 0; i < functions.Length; i++)
            {
                Configuration.SetPinFunction(functions[i].Pin, (DeviceFunction)functions[i].Function);
                log.Write("boot", "pin " + functions[i].Pin + " -> function 0x" + functions[i].Function.ToString("X"));
            }
        }
    }
}
