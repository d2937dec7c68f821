using System.Threading;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Networked;
using WasmBox.Nano.Device.Networked.Network;
using WasmBox.Nano.Device.Platform;

namespace WasmBox.Nano.Firmware
{
    /// <summary>The WasmBox.Nano application for STM32 boards on Ethernet with an SD card (see firmware/README.md).</summary>
    public class Program
    {
        public static void Main()
        {
            BoardDescription board = BoardConfig.Create();
            if (board.Family != BoardDescription.FamilyStm32)
            {
                new ConsoleLogSink().Write("boot", "stopped: BoardConfig.cs is for " + board.ProfileId
                    + ", not an STM32 board: regenerate it with wbx firmware-config");
                Thread.Sleep(Timeout.Infinite);
            }
            new FirmwareHost(board, new EthernetLink()).Run();
        }
    }
}
