using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Vm.NfTests;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// Install of containers declaring SPI devices, UARTs, PWM and ADC channels on
    /// <see cref="FakeBusBoard"/>: needs beyond the grant, the board or its wiring are refused;
    /// two tenants never hold one chip select, port or channel; bus pins never become GPIO.
    /// </summary>
    [TestClass]
    public class PeripheralInstallTests
    {
        private const string Policy =
            "{\"tenants\": ["
            + "{\"id\": \"acme\", \"helpers\": [\"adc_read\"], \"pins\": [{\"pin\": 4, \"mode\": \"output\"}], "
            + "\"spi\": [{\"bus\": 0, \"chipSelects\": [5]}], \"uart\": [1], \"pwm\": [0], \"adc\": [6], " + Limits + "}, "
            + "{\"id\": \"globex\", \"helpers\": [\"adc_read\"], \"pins\": [{\"pin\": 13, \"mode\": \"output\"}], "
            + "\"spi\": [{\"bus\": 0, \"chipSelects\": [4, 5, 13, 14, 17]}], \"uart\": [1], \"adc\": [6], " + Limits + "}, "
            + "{\"id\": \"mallory\", \"helpers\": [\"adc_read\"], \"pins\": [{\"pin\": 21, \"mode\": \"output\"}], " + Limits + "}]}";

        private const string Limits = "\"limits\": {\"maxContainers\": 3, \"maxImageBytes\": 2048, \"ramBytes\": 65536, "
            + "\"instructionsPerRun\": 1000, \"branchesPerRun\": 100, \"runsPerSecond\": 100, \"helperCallsPerSecond\": 100}";

        [TestMethod]
        public void DeclaredAndGrantedPeripheralsInstall()
        {
            BusRig rig = new BusRig(Policy);
            PeripheralNeeds all = new PeripheralNeeds(new SpiDevice[] { Spi(5) }, new UartUse[] { Uart(FakeUartPort.Tx) },
                new ChannelUse[] { new ChannelUse(0, FakePwmChannel.OutputPin) }, new ChannelUse[] { Adc() });
            InstallResult r = rig.Install("acme", BusRig.Manifest("all", all, null), Code());
            Assert.IsTrue(r.Ok, r.Reason);
        }

        [TestMethod]
        public void PeripheralsOutsideTheGrantAreRefused()
        {
            BusRig rig = new BusRig(Policy);
            AssertRefused(InstallError.BusDeviceNotGranted, "cs 14", rig.Install("acme", Only("spi", Spi(14)), Code()));
            AssertRefused(InstallError.BusDeviceNotGranted, "PWM 0", rig.Install("globex", Pwm(), Code()));
        }

        [TestMethod]
        public void PeripheralsTheBoardLacksOrWiresOtherwiseAreRefused()
        {
            BusRig rig = new BusRig(Policy);
            PeripheralNeeds crossed = new PeripheralNeeds(null, new UartUse[] { Uart(FakeUartPort.Rx) }, null, null);
            AssertRefused(InstallError.BusUnknown, "tx 17, rx 16", rig.Install("acme", BusRig.Manifest("crossed", crossed, null), Code()));
            PeripheralNeeds missing = new PeripheralNeeds(null, null, new ChannelUse[] { new ChannelUse(0, 26) }, null);
            AssertRefused(InstallError.BusUnknown, "pin than the board's, 25", rig.Install("acme", BusRig.Manifest("moved", missing, null), Code()));
        }

        [TestMethod]
        public void TwoTenantsCannotHoldOneChipSelectPortOrChannel()
        {
            BusRig rig = new BusRig(Policy);
            PeripheralNeeds held = new PeripheralNeeds(new SpiDevice[] { Spi(5) }, new UartUse[] { Uart(FakeUartPort.Tx) }, null, new ChannelUse[] { Adc() });
            rig.Start("acme", BusRig.Manifest("holder", held, null), Code());
            AssertRefused(InstallError.BusDeviceClaimed, "spi 0 cs 5 is held by tenant 'acme'", rig.Install("globex", Only("spi", Spi(5)), Code()));
            PeripheralNeeds port = new PeripheralNeeds(null, new UartUse[] { Uart(FakeUartPort.Tx) }, null, null);
            AssertRefused(InstallError.BusDeviceClaimed, "uart 1", rig.Install("globex", BusRig.Manifest("port", port, null), Code()));
            PeripheralNeeds adc = new PeripheralNeeds(null, null, null, new ChannelUse[] { Adc() });
            AssertRefused(InstallError.BusDeviceClaimed, "adc 6", rig.Install("globex", BusRig.Manifest("adc", adc, null), Code()));
            Assert.IsTrue(rig.Install("acme", BusRig.Manifest("sibling", held, null), Code()).Ok, "one tenant's containers may share");
        }

        [TestMethod]
        public void GpioGrantOnABusPinIsRefused()
        {
            BusRig rig = new BusRig(Policy);
            AssertRefused(InstallError.BusPinConflict, "I2C bus 0", rig.Install("mallory", BusRig.Manifest("any", null, null), Code()));
        }

        [TestMethod]
        public void ChipSelectNeverDoublesAsGpio()
        {
            BusRig rig = new BusRig(Policy);
            PinGrant[] pin4 = new PinGrant[] { new PinGrant(4, PinDriveMode.Output) };
            rig.Start("acme", BusRig.Manifest("led", null, pin4), Code());
            AssertRefused(InstallError.BusPinConflict, "pin 4", rig.Install("globex", Only("cs4", Spi(4)), Code()));
            AssertRefused(InstallError.BusPinConflict, "also a GPIO pin of tenant 'globex'", rig.Install("globex", Only("cs13", Spi(13)), Code()));
        }

        [TestMethod]
        public void ChipSelectOnABusPinIsRefused()
        {
            BusRig rig = new BusRig(Policy);
            AssertRefused(InstallError.BusPinConflict, "which UART 1 occupies", rig.Install("globex", Only("cs", Spi(FakeUartPort.Tx)), Code()));
        }

        private static void AssertRefused(InstallError expected, string mention, InstallResult r)
        {
            Assert.AreEqual((int)expected, (int)r.Error, r.Reason);
            Assert.Contains(mention, r.Reason);
        }

        private static ContainerManifest Only(string name, SpiDevice device)
        {
            return BusRig.Manifest(name, new PeripheralNeeds(new SpiDevice[] { device }, null, null, null), null);
        }

        private static ContainerManifest Pwm()
        {
            return BusRig.Manifest("pwm", new PeripheralNeeds(null, null, new ChannelUse[] { new ChannelUse(0, FakePwmChannel.OutputPin) }, null), null);
        }

        private static SpiDevice Spi(int chipSelect)
        {
            return new SpiDevice(0, chipSelect, 1000000, 0, FakeSpiBus.Mosi, FakeSpiBus.Miso, FakeSpiBus.Sck);
        }

        private static UartUse Uart(int txPin)
        {
            return new UartUse(1, 9600, txPin, FakeUartPort.Rx);
        }

        private static ChannelUse Adc()
        {
            return new ChannelUse(6, FakeAdcChannel.InputPin);
        }

        private static byte[] Code()
        {
            return new ProgramBuilder().Mov(1, 6).CallHelper(HelperIds.AdcRead).Exit().ToArray();
        }
    }
}
