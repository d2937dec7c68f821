using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Networked;
using WasmBox.Nano.Device.Networked.Network;

namespace WasmBox.Nano.Firmware
{
    /// <summary>The WasmBox.Nano application for STM32 boards on Ethernet with an SD card (see firmware/README.md).</summary>
    public class Program
    {
        public static void Main()
        {
            BoardDescription board = BoardConfig.Create();
            FirmwareHost.RequireFamily(board, BoardDescription.FamilyStm32);
            new FirmwareHost(board, new EthernetLink()).Run();
        }
    }
}
