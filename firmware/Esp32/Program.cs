using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Esp32;
using WasmBox.Nano.Device.Networked;
using WasmBox.Nano.Device.Platform;

namespace WasmBox.Nano.Firmware
{
    /// <summary>The WasmBox.Nano application for ESP32 boards on Wi-Fi (see firmware/README.md).</summary>
    public class Program
    {
        public static void Main()
        {
            BoardDescription board = BoardConfig.Create();
            FirmwareHost.RequireFamily(board, BoardDescription.FamilyEsp32);
            FirmwareHost.RequireNoProblem(Esp32PinFunctions.Apply(board, new ConsoleLogSink()));
            new FirmwareHost(board, new WifiLink()).Run();
        }
    }
}
