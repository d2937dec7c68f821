using System.Threading;
using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Vm;
using WasmBox.Nano.Vm.NfTests;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// The I2C helpers on <see cref="FakeI2cBus"/>: a declared device is reached with a repeated
    /// start; lengths, buffers, grants and claims are checked; an undeclared address is denied and
    /// counted; bus time is charged to the run's budget; a busy bus makes a caller wait, then -EBUSY.
    /// </summary>
    [TestClass]
    public class I2cBusTests
    {
        private const int Fast = 400000;
        private const int Slow = 100000;
        private const int Budget = 1000;
        private const int StackBuffer = -16;
        private const ulong Denied = 0xFFFFFFFFFFFFFFF3UL;   // -EACCES
        private const ulong Invalid = 0xFFFFFFFFFFFFFFEAUL;  // -EINVAL
        private const ulong Busy = 0xFFFFFFFFFFFFFFF0UL;     // -EBUSY
        private const ulong NoDevice = 0xFFFFFFFFFFFFFFFAUL; // -ENXIO

        private const string Policy =
            "{\"tenants\": ["
            + "{\"id\": \"acme\", \"helpers\": [\"i2c_write\", \"i2c_read\", \"i2c_write_read\"], "
            + "\"i2c\": [{\"bus\": 0, \"first\": 68, \"last\": 70}], " + Limits + "}, "
            + "{\"id\": \"globex\", \"helpers\": [\"i2c_write_read\"], "
            + "\"i2c\": [{\"bus\": 0, \"first\": 68}], " + Limits + "}]}";

        private const string Limits = "\"limits\": {\"maxContainers\": 3, \"maxImageBytes\": 2048, \"ramBytes\": 65536, "
            + "\"instructionsPerRun\": 1000, \"branchesPerRun\": 100, \"runsPerSecond\": 100, \"helperCallsPerSecond\": 100}";

        [TestMethod]
        public void WriteThenReadReachesTheDeclaredDevice()
        {
            Rig rig = new Rig();
            Container c = rig.RunOnce("probe", Device(FakeI2cBus.DeviceA, Fast), Handle(FakeI2cBus.DeviceA), 3);
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual((ulong)(0xA0 | 0xA1 << 8 | 0xA2 << 16), c.LastResult, "the three bytes read, then the zeroed stack");
            FakeI2cBus bus = rig.Board.I2c;
            Assert.AreEqual(1, bus.Transfers, "one transfer: write, repeated start, read");
            Assert.AreEqual(FakeI2cBus.DeviceA, bus.LastAddress);
            Assert.AreEqual(2, bus.LastWriteLength);
            Assert.AreEqual(3, bus.LastReadLength);
            Assert.AreEqual((byte)0x24, bus.LastWritten(0));
            Assert.AreEqual((byte)0x00, bus.LastWritten(1));
        }

        [TestMethod]
        public void AbsentDeviceAnswersNoDevice()
        {
            Rig rig = new Rig();
            Container c = rig.RunOnce("probe", Device(0x46, Fast), Handle(0x46), 3);
            Assert.AreEqual(NoDevice, c.LastResult);
            Assert.AreEqual(0, c.Counters.PolicyViolations);
        }

        [TestMethod]
        public void UndeclaredAddressIsDeniedAndCounted()
        {
            Rig rig = new Rig();
            Container c = rig.RunOnce("sneak", Device(FakeI2cBus.DeviceA, Fast), Handle(FakeI2cBus.DeviceB), 3);
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            Assert.AreEqual(Denied, c.LastResult);
            Assert.AreEqual(1, c.Counters.PolicyViolations);
            Assert.AreEqual(1, rig.Events.CountEvents(RuntimeEventKind.PolicyViolation));
            Assert.AreEqual(0, rig.Board.I2c.Transfers, "the bus is never touched");
        }

        [TestMethod]
        public void LengthsOutsideTheBoundAreInvalid()
        {
            Rig rig = new Rig();
            Container c = rig.RunOnce("long", Device(FakeI2cBus.DeviceA, Fast), Handle(FakeI2cBus.DeviceA), I2cHelper.MaxTransfer + 1);
            Assert.AreEqual(Invalid, c.LastResult);
            Assert.AreEqual(0, c.Counters.PolicyViolations);
            Assert.AreEqual(0, rig.Board.I2c.Transfers);
        }

        [TestMethod]
        public void BufferOutsideTheVmEndsTheRun()
        {
            Rig rig = new Rig();
            byte[] code = new ProgramBuilder()
                .Mov(1, Handle(FakeI2cBus.DeviceA)).Mov(2, 0x100).Mov(3, 2)
                .CallHelper(HelperIds.I2cWrite).Exit().ToArray();
            Container c = rig.Start("acme", "wild", 100, Device(FakeI2cBus.DeviceA, Fast), code);
            rig.Beat(100);
            RuntimeRig.AssertLastStatus(VmStatus.HelperFault, c);
            Assert.AreEqual(0, rig.Board.I2c.Transfers);
        }

        [TestMethod]
        public void BusTimeIsChargedToTheRun()
        {
            Rig rig = new Rig();
            rig.Board.I2c.StretchMicros = 50;
            byte[] code = WriteRead(Handle(FakeI2cBus.DeviceA), 2, 3);
            Container c = rig.Start("acme", "timed", 100, Device(FakeI2cBus.DeviceA, Fast), code);
            rig.Beat(100);
            RuntimeRig.AssertLastStatus(VmStatus.Ok, c);
            int executed = code.Length / 8;
            int charged = BusTime.Cost(BusTime.I2cMicros(Fast, 2, 3) + 50);
            Assert.AreEqual((long)(executed + charged), c.Counters.Instructions, "instructions run plus the bus time");
        }

        [TestMethod]
        public void TransferTheRunCannotPayForNeverStarts()
        {
            Rig rig = new Rig();
            Assert.IsTrue(BusTime.Cost(BusTime.I2cMicros(Slow, 2, 3)) > Budget, "the slow transfer costs more than the budget");
            Container c = rig.RunOnce("slow", Device(FakeI2cBus.DeviceA, Slow), Handle(FakeI2cBus.DeviceA), 3);
            RuntimeRig.AssertLastStatus(VmStatus.InstructionBudgetExhausted, c);
            Assert.AreEqual(0, rig.Board.I2c.Transfers);
        }

        [TestMethod]
        public void StretchingPastTheBudgetEndsTheRun()
        {
            Rig rig = new Rig();
            rig.Board.I2c.StretchMicros = Budget;
            Container c = rig.RunOnce("stretched", Device(FakeI2cBus.DeviceA, Fast), Handle(FakeI2cBus.DeviceA), 3);
            RuntimeRig.AssertLastStatus(VmStatus.InstructionBudgetExhausted, c);
            Assert.AreEqual(1, rig.Board.I2c.Transfers);
        }

        [TestMethod]
        public void DeviceOutsideTheGrantIsRefusedAtInstall()
        {
            Rig rig = new Rig();
            InstallResult r = rig.Install("globex", "wide", 100, Device(FakeI2cBus.DeviceB, Fast), WriteRead(Handle(FakeI2cBus.DeviceB), 2, 3));
            Assert.AreEqual((int)InstallError.BusDeviceNotGranted, (int)r.Error, r.Reason);
            Assert.Contains("0x45", r.Reason);
        }

        [TestMethod]
        public void BusTheBoardLacksOrOtherWiringIsRefused()
        {
            Rig rig = new Rig();
            ContainerManifest m = Manifest("elsewhere", 100, new I2cDevice(0, FakeI2cBus.DeviceA, Fast, 4, 5));
            InstallResult r = rig.Runtime.Install("acme", m, WriteRead(Handle(FakeI2cBus.DeviceA), 2, 3));
            Assert.AreEqual((int)InstallError.BusUnknown, (int)r.Error, r.Reason);
        }

        [TestMethod]
        public void TwoTenantsCannotClaimOneAddress()
        {
            Rig rig = new Rig();
            rig.Start("acme", "first", 100, Device(FakeI2cBus.DeviceA, Fast), WriteRead(Handle(FakeI2cBus.DeviceA), 2, 3));
            InstallResult r = rig.Install("globex", "second", 100, Device(FakeI2cBus.DeviceA, Fast), WriteRead(Handle(FakeI2cBus.DeviceA), 2, 3));
            Assert.AreEqual((int)InstallError.BusDeviceClaimed, (int)r.Error, r.Reason);
            Assert.Contains("acme", r.Reason);
            InstallResult sameTenant = rig.Install("acme", "sibling", 200, Device(FakeI2cBus.DeviceA, Fast), WriteRead(Handle(FakeI2cBus.DeviceA), 2, 3));
            Assert.IsTrue(sameTenant.Ok, "one tenant's containers may share its device: " + sameTenant.Reason);
        }

        [TestMethod]
        public void BusyBusMakesTheOtherRunWaitThenAnswerBusy()
        {
            Rig rig = new Rig();
            Container holder = rig.Start("acme", "holder", 100, Device(FakeI2cBus.DeviceB, Fast), WriteRead(Handle(FakeI2cBus.DeviceB), 2, 3));
            Container waiter = rig.Start("acme", "waiter", 200, Device(FakeI2cBus.DeviceA, Fast), WriteRead(Handle(FakeI2cBus.DeviceA), 2, 3));
            rig.Board.I2c.Hold(FakeI2cBus.DeviceB);
            Thread t = new Thread(rig.RunHolder);
            t.Start();
            try
            {
                rig.Board.I2c.WaitUntilHeld();
                // Queued and drained here: Dispatch would wait for the holder's dispatch to finish first.
                Assert.AreEqual(1, rig.Runtime.Fire(HookKind.Timer, 200, null, null, 0));
                Assert.AreEqual(1, rig.Runtime.RunPending());
                RuntimeRig.AssertLastStatus(VmStatus.Ok, waiter);
                Assert.AreEqual(Busy, waiter.LastResult, "the bus stayed busy for as long as the waiter's budget lasted");
                Assert.AreEqual(0, rig.Board.I2c.Transfers, "the waiter never reached the bus");
            }
            finally
            {
                rig.Board.I2c.Release();
                t.Join();
            }
            Assert.AreEqual((ulong)(0xA0 | 0xA1 << 8 | 0xA2 << 16), holder.LastResult);
        }

        private static int Handle(int address)
        {
            return I2cDevice.HandleOf(0, address);
        }

        private static I2cDevice Device(int address, int speed)
        {
            return new I2cDevice(0, address, speed, FakeI2cBus.Sda, FakeI2cBus.Scl);
        }

        private static ContainerManifest Manifest(string name, int period, I2cDevice device)
        {
            ContainerManifest m = new ContainerManifest(name);
            m.Hooks = new HookBinding[] { HookBinding.Timer(period) };
            m.I2cDevices = new I2cDevice[] { device };
            return m;
        }

        /// <summary>Sends 0x24 0x00 (SHT3x "measure"), reads into the stack; r0 = the helper's error or the first 4 bytes there.</summary>
        private static byte[] WriteRead(int handle, int writeLength, int readLength)
        {
            return new ProgramBuilder()
                .Store(Opcodes.StB, 10, -8, 0x24)
                .Store(Opcodes.StB, 10, -7, 0x00)
                .Mov(1, handle)
                .MovReg(2, 10).Alu(Opcodes.Add64K, 2, -8)
                .Mov(3, writeLength)
                .MovReg(4, 10).Alu(Opcodes.Add64K, 4, StackBuffer)
                .Mov(5, readLength)
                .CallHelper(HelperIds.I2cWriteRead)
                .Jump(Opcodes.JneK, 0, 0, 1)
                .Load(Opcodes.LdxW, 0, 10, StackBuffer)
                .Exit()
                .ToArray();
        }

        /// <summary>A runtime on <see cref="FakeBusBoard"/> provisioned with acme (0x44-0x46) and globex (0x44).</summary>
        private sealed class Rig
        {
            public Rig()
            {
                Board = new FakeBusBoard();
                Events = new EventCounter();
                Runtime = new WasmBoxRuntime(Board, null, null);
                Runtime.Monitor.AddListener(Events);
                RuntimeRig.Provision(Runtime, Policy);
            }

            public FakeBusBoard Board { get; private set; }

            public WasmBoxRuntime Runtime { get; private set; }

            public EventCounter Events { get; private set; }

            public InstallResult Install(string tenant, string name, int period, I2cDevice device, byte[] code)
            {
                return Runtime.Install(tenant, Manifest(name, period, device), code);
            }

            public Container Start(string tenant, string name, int period, I2cDevice device, byte[] code)
            {
                InstallResult r = Install(tenant, name, period, device, code);
                Assert.IsTrue(r.Ok, "install refused: " + r.Reason);
                Assert.IsTrue(Runtime.Start(r.Container));
                return r.Container;
            }

            /// <summary>Installs acme's container declaring <paramref name="declared"/> whose program calls <paramref name="handle"/>, and runs it once.</summary>
            public Container RunOnce(string name, I2cDevice declared, int handle, int readLength)
            {
                Container c = Start("acme", name, 100, declared, WriteRead(handle, 2, readLength));
                Beat(100);
                return c;
            }

            public void Beat(int period)
            {
                Board.FakeClock.Advance(1000);
                Runtime.Dispatch(HookKind.Timer, period, null, null, 0);
            }

            public void RunHolder()
            {
                Runtime.Dispatch(HookKind.Timer, 100, null, null, 0);
            }
        }

        /// <summary>Counts the runtime's events by kind.</summary>
        private sealed class EventCounter : IRuntimeEvents
        {
            private readonly int[] _counts = new int[32];

            public void OnRuntimeEvent(RuntimeEvent e)
            {
                lock (_counts)
                {
                    _counts[(int)e.Kind]++;
                }
            }

            public int CountEvents(RuntimeEventKind kind)
            {
                return _counts[(int)kind];
            }
        }
    }
}
