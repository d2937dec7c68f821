using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;
using WasmBox.Nano.Vm.NfTests;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// The SPI, UART, PWM and ADC helpers on the fakes of <see cref="FakeBusBoard"/>: declared
    /// peripherals are reached with their declared settings; lengths, timeouts, frequencies and
    /// duties are bounded; an undeclared one is denied and counted; time is charged to the run,
    /// and an operation the run cannot pay for never starts.
    /// </summary>
    [TestClass]
    public class PeripheralHelperTests
    {
        private const int Budget = 10000;
        private const int Fast = 1000000;
        private const int Baud = 115200;
        private const int Cs = 5;
        private const ulong Denied = 0xFFFFFFFFFFFFFFF3UL;   // -EACCES
        private const ulong Invalid = 0xFFFFFFFFFFFFFFEAUL;  // -EINVAL

        private const string Policy =
            "{\"tenants\": [{\"id\": \"acme\", \"helpers\": [\"spi_transfer\", \"uart_write\", \"uart_read\", \"pwm_set\", \"adc_read\"], "
            + "\"spi\": [{\"bus\": 0, \"chipSelects\": [5, 14]}], \"uart\": [1], \"pwm\": [0], \"adc\": [6], "
            + "\"limits\": {\"maxContainers\": 3, \"maxImageBytes\": 2048, \"ramBytes\": 65536, "
            + "\"instructionsPerRun\": 10000, \"branchesPerRun\": 100, \"runsPerSecond\": 100, \"helperCallsPerSecond\": 100}}]}";

        [TestMethod]
        public void SpiTransferIsFullDuplexOnTheDeclaredChipSelect()
        {
            BusRig rig = new BusRig(Policy);
            Container c = rig.RunOnce(Spi(Fast, 3), SpiProgram(SpiDevice.HandleOf(0, Cs), 2));
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual((ulong)0xCBED, c.LastResult, "0x12 0x34 came back inverted");
            FakeSpiBus bus = rig.Board.Spi;
            Assert.AreEqual(1, bus.Transfers);
            Assert.AreEqual(Cs, bus.LastChipSelect);
            Assert.AreEqual(Fast, bus.LastClockHz);
            Assert.AreEqual(3, bus.LastMode);
            Assert.AreEqual(2, bus.LastLength);
            int executed = SpiProgram(0, 2).Length / 8;
            Assert.AreEqual((long)(executed + BusTime.Cost(BusTime.SpiMicros(Fast, 2))), c.Counters.Instructions, "instructions run plus the bus time");
        }

        [TestMethod]
        public void SpiUndeclaredChipSelectIsDeniedAndCounted()
        {
            BusRig rig = new BusRig(Policy);
            Container c = rig.RunOnce(Spi(Fast, 0), SpiProgram(SpiDevice.HandleOf(0, 14), 2));
            Assert.AreEqual(Denied, c.LastResult);
            Assert.AreEqual(1, c.Counters.PolicyViolations);
            Assert.AreEqual(0, rig.Board.Spi.Transfers);
        }

        [TestMethod]
        public void SpiLengthOutsideTheBoundIsInvalid()
        {
            BusRig rig = new BusRig(Policy);
            Container c = rig.RunOnce(Spi(Fast, 0), SpiProgram(SpiDevice.HandleOf(0, Cs), SpiHelper.MaxTransfer + 1));
            Assert.AreEqual(Invalid, c.LastResult);
            Assert.AreEqual(0, c.Counters.PolicyViolations);
            Assert.AreEqual(0, rig.Board.Spi.Transfers);
        }

        [TestMethod]
        public void SpiBufferOutsideTheVmEndsTheRun()
        {
            BusRig rig = new BusRig(Policy);
            byte[] code = new ProgramBuilder()
                .Mov(1, SpiDevice.HandleOf(0, Cs)).MovReg(2, 10).Alu(Opcodes.Add64K, 2, -8).Mov(3, 0x100).Mov(4, 2)
                .CallHelper(HelperIds.SpiTransfer).Exit().ToArray();
            Container c = rig.RunOnce(Spi(Fast, 0), code);
            RuntimeRig.AssertLastStatus(VmStatus.HelperFault, c);
            Assert.AreEqual(0, rig.Board.Spi.Transfers);
        }

        [TestMethod]
        public void SpiTransferTheRunCannotPayForNeverStarts()
        {
            BusRig rig = new BusRig(Policy);
            Assert.IsTrue(BusTime.Cost(BusTime.SpiMicros(SpiDevice.MinClockHz, 2)) > Budget, "the slow transfer costs more than the budget");
            Container c = rig.RunOnce(Spi(SpiDevice.MinClockHz, 0), SpiProgram(SpiDevice.HandleOf(0, Cs), 2));
            RuntimeRig.AssertLastStatus(VmStatus.InstructionBudgetExhausted, c);
            Assert.AreEqual(0, rig.Board.Spi.Transfers);
        }

        [TestMethod]
        public void UartWriteComesBackOnTheLoopback()
        {
            BusRig rig = new BusRig(Policy);
            Container c = rig.RunOnce(Uart(), LoopbackProgram(100));
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual((ulong)0x4241, c.LastResult, "\"AB\" written, then read back");
            Assert.AreEqual(1, rig.Board.Uart.Writes);
            Assert.AreEqual(1, rig.Board.Uart.Reads);
        }

        [TestMethod]
        public void UartReadTimeoutIsChargedToTheRun()
        {
            BusRig rig = new BusRig(Policy);
            const int timeout = 1500;
            byte[] code = ReadProgram(4, timeout);
            Container c = rig.RunOnce(Uart(), code);
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual((ulong)0, c.LastResult, "nothing came within the timeout");
            Assert.AreEqual((long)(code.Length / 8 + BusTime.Cost(timeout)), c.Counters.Instructions, "instructions run plus the timeout waited");
        }

        [TestMethod]
        public void UartReadTimeoutTheRunCannotPayForNeverStarts()
        {
            BusRig rig = new BusRig(Policy);
            Assert.IsTrue(BusTime.Cost(Budget) > Budget);
            Container c = rig.RunOnce(Uart(), ReadProgram(4, Budget));
            RuntimeRig.AssertLastStatus(VmStatus.InstructionBudgetExhausted, c);
            Assert.AreEqual(0, rig.Board.Uart.Reads);
        }

        [TestMethod]
        public void UartBoundsAreInvalid()
        {
            BusRig rig = new BusRig(Policy);
            Container c = rig.RunOnce(Uart(), ReadProgram(4, UartHelper.MaxTimeoutMicros + 1));
            Assert.AreEqual(Invalid, c.LastResult, "timeout above the bound");
            rig = new BusRig(Policy);
            c = rig.RunOnce(Uart(), ReadProgram(UartHelper.MaxTransfer + 1, 0));
            Assert.AreEqual(Invalid, c.LastResult, "length above the bound");
            Assert.AreEqual(0, rig.Board.Uart.Reads);
        }

        [TestMethod]
        public void UartUndeclaredPortIsDeniedAndCounted()
        {
            BusRig rig = new BusRig(Policy);
            Container c = rig.RunOnce(Pwm(), ReadProgram(4, 0));
            Assert.AreEqual(Denied, c.LastResult);
            Assert.AreEqual(1, c.Counters.PolicyViolations);
            Assert.AreEqual(0, rig.Board.Uart.Reads);
        }

        [TestMethod]
        public void PwmSetDrivesTheDeclaredChannel()
        {
            BusRig rig = new BusRig(Policy);
            Container c = rig.RunOnce(Pwm(), PwmProgram(0, 1000, 2500));
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual((ulong)0, c.LastResult);
            Assert.AreEqual(1000, rig.Board.Pwm.FrequencyHz);
            Assert.AreEqual(2500, rig.Board.Pwm.Duty);
        }

        [TestMethod]
        public void PwmBoundsAreInvalid()
        {
            BusRig rig = new BusRig(Policy);
            Container c = rig.RunOnce(Pwm(), PwmProgram(0, 1000, ChannelHelper.FullDuty + 1));
            Assert.AreEqual(Invalid, c.LastResult, "duty above 10,000");
            rig = new BusRig(Policy);
            c = rig.RunOnce(Pwm(), PwmProgram(0, 0, 10));
            Assert.AreEqual(Invalid, c.LastResult, "frequency 0");
            Assert.AreEqual(0, rig.Board.Pwm.Sets);
        }

        [TestMethod]
        public void PwmUndeclaredChannelIsDeniedAndCounted()
        {
            BusRig rig = new BusRig(Policy);
            Container c = rig.RunOnce(Pwm(), PwmProgram(1, 1000, 10));
            Assert.AreEqual(Denied, c.LastResult);
            Assert.AreEqual(1, c.Counters.PolicyViolations);
            Assert.AreEqual(0, rig.Board.Pwm.Sets);
        }

        [TestMethod]
        public void AdcReadReturnsTheReadingAndChargesTheConversion()
        {
            BusRig rig = new BusRig(Policy);
            rig.Board.Adc.Value = 3071;
            byte[] code = AdcProgram(6);
            Container c = rig.RunOnce(Adc(), code);
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual((ulong)3071, c.LastResult);
            Assert.AreEqual((long)(code.Length / 8 + BusTime.Cost(rig.Board.Adc.ConversionMicros)), c.Counters.Instructions);
        }

        [TestMethod]
        public void AdcUndeclaredChannelIsDeniedAndCounted()
        {
            BusRig rig = new BusRig(Policy);
            Container c = rig.RunOnce(Adc(), AdcProgram(5));
            Assert.AreEqual(Denied, c.LastResult);
            Assert.AreEqual(1, c.Counters.PolicyViolations);
            Assert.AreEqual(0, rig.Board.Adc.Reads);
        }

        private static PeripheralNeeds Spi(int clockHz, int mode)
        {
            return new PeripheralNeeds(new SpiDevice[] { new SpiDevice(0, Cs, clockHz, mode, FakeSpiBus.Mosi, FakeSpiBus.Miso, FakeSpiBus.Sck) }, null, null, null);
        }

        private static PeripheralNeeds Uart()
        {
            return new PeripheralNeeds(null, new UartUse[] { new UartUse(1, Baud, FakeUartPort.Tx, FakeUartPort.Rx) }, null, null);
        }

        private static PeripheralNeeds Pwm()
        {
            return new PeripheralNeeds(null, null, new ChannelUse[] { new ChannelUse(0, FakePwmChannel.OutputPin) }, null);
        }

        private static PeripheralNeeds Adc()
        {
            return new PeripheralNeeds(null, null, null, new ChannelUse[] { new ChannelUse(6, FakeAdcChannel.InputPin) });
        }

        /// <summary>Sends 0x12 0x34 from the stack, receives into the stack; r0 = the error, or the two bytes received.</summary>
        private static byte[] SpiProgram(int handle, int length)
        {
            return new ProgramBuilder()
                .Store(Opcodes.StB, 10, -8, 0x12)
                .Store(Opcodes.StB, 10, -7, 0x34)
                .Mov(1, handle)
                .MovReg(2, 10).Alu(Opcodes.Add64K, 2, -8)
                .MovReg(3, 10).Alu(Opcodes.Add64K, 3, -16)
                .Mov(4, length)
                .CallHelper(HelperIds.SpiTransfer)
                .Jump(Opcodes.JneK, 0, 0, 1)
                .Load(Opcodes.LdxH, 0, 10, -16)
                .Exit()
                .ToArray();
        }

        /// <summary>Writes "AB" to UART 1, reads up to 4 bytes back; r0 = the two bytes read, else the count.</summary>
        private static byte[] LoopbackProgram(int timeoutMicros)
        {
            return new ProgramBuilder()
                .Store(Opcodes.StB, 10, -8, 0x41)
                .Store(Opcodes.StB, 10, -7, 0x42)
                .Mov(1, 1).MovReg(2, 10).Alu(Opcodes.Add64K, 2, -8).Mov(3, 2)
                .CallHelper(HelperIds.UartWrite)
                .Mov(1, 1).MovReg(2, 10).Alu(Opcodes.Add64K, 2, -16).Mov(3, 4).Mov(4, timeoutMicros)
                .CallHelper(HelperIds.UartRead)
                .Jump(Opcodes.JneK, 0, 2, 1)
                .Load(Opcodes.LdxH, 0, 10, -16)
                .Exit()
                .ToArray();
        }

        /// <summary>uart_read(1, stack, length, timeout); r0 = its result.</summary>
        private static byte[] ReadProgram(int length, int timeoutMicros)
        {
            return new ProgramBuilder()
                .Mov(1, 1).MovReg(2, 10).Alu(Opcodes.Add64K, 2, -64).Mov(3, length).Mov(4, timeoutMicros)
                .CallHelper(HelperIds.UartRead)
                .Exit()
                .ToArray();
        }

        private static byte[] PwmProgram(int channel, int frequencyHz, int duty)
        {
            return new ProgramBuilder().Mov(1, channel).Mov(2, frequencyHz).Mov(3, duty).CallHelper(HelperIds.PwmSet).Exit().ToArray();
        }

        private static byte[] AdcProgram(int channel)
        {
            return new ProgramBuilder().Mov(1, channel).CallHelper(HelperIds.AdcRead).Exit().ToArray();
        }
    }
}
