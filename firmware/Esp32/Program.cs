using System.Threading;
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
            if (board.Family != BoardDescription.FamilyEsp32)
            {
                new ConsoleLogSink().Write("boot", "stopped: BoardConfig.cs is for " + board.ProfileId
                    + ", not an ESP32 board: regenerate it with wbx firmware-config");
                Thread.Sleep(Timeout.Infinite);
            }
            Esp32PinFunctions.Apply(board.PinFunctions, new ConsoleLogSink());
            new FirmwareHost(board, new WifiLink()).Run();
        }
    }
}
