using System.Threading;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>
    /// One installed function: its VM (program, stack, context, payload and data regions),
    /// helpers bound to it, local store, event queue, counters and thread. Each run gets a
    /// fresh stack, the event in its context region and the tenant's budgets. Created by
    /// <see cref="WasmBoxRuntime.Install"/>; state changes go through the runtime.
    /// </summary>
    public sealed class Container
    {
        public const int AccessNone = 0;
        public const int AccessRead = 1;
        public const int AccessReadWrite = 2;

        private readonly WasmBoxRuntime _runtime;
        private readonly WasmBox.Nano.Vm.Vm _vm;
        private readonly byte[] _context = new byte[ContextLayout.Size];
        private readonly byte[] _payload;
        private readonly MemoryRegion _payloadRegion;
        private readonly byte[] _sensorAccess;
        private readonly PinGrant[] _pins;
        private readonly RateWindow _helperCalls = new RateWindow();
        private readonly OutsideRunBudget _outside = new OutsideRunBudget();
        private readonly object _runLock = new object();

        private int _payloadLength;
        private uint _sequence;
        private bool _flooded;
        private bool _installEventDelivered;

        private Thread _worker;
        private AutoResetEvent _signal;
        private bool _workerExit;

        internal Container(WasmBoxRuntime runtime, int id, Tenant tenant, ContainerManifest manifest,
            VmProgram program, int ramBytes)
        {
            _runtime = runtime;
            Id = id;
            Tenant = tenant;
            Manifest = manifest;
            Name = manifest.Name;
            Priority = manifest.Priority;
            RamBytes = ramBytes;
            Services = runtime.Services;
            LogSource = tenant.Id + "/" + manifest.Name;
            TenantLimits limits = tenant.Policy.Limits;
            LocalStore = new KeyValueStore(limits.LocalStoreCapacity);
            Queue = new EventRing(limits.EventQueueDepth, limits.PayloadBytes);
            Counters = new ContainerCounters();
            Health = new ContainerHealth(runtime.Monitor.Settings);
            _pins = manifest.Pins;
            _sensorAccess = BuildSensorAccess(manifest, Services);
            _payload = new byte[limits.PayloadBytes];
            if (HelperCatalog.UsesCoap(program.HelperIds))
            {
                Coap = new CoapExchange(limits.PayloadBytes);
            }

            _vm = new WasmBox.Nano.Vm.Vm(program, HelperCatalog.Bind(this, program.HelperIds), tenant.Policy.Grant, manifest.StackFrames);
            _vm.InstructionBudget = limits.InstructionsPerRun;
            _vm.BranchBudget = limits.BranchesPerRun;
            _vm.Memory.Map(new MemoryRegion(ContextLayout.Address, _context, true, false));
            _payloadRegion = new MemoryRegion(ContextLayout.PayloadAddress, _payload, true, false);
            _vm.Memory.Map(_payloadRegion);
            int dataBytes = manifest.Data == null ? 0 : manifest.Data.Length;
            if (dataBytes + manifest.BssSize > 0)
            {
                // A private copy: .data and the zeroed .bss after it are the container's writable state.
                byte[] data = new byte[dataBytes + manifest.BssSize];
                if (dataBytes > 0)
                {
                    System.Array.Copy(manifest.Data, data, dataBytes);
                }
                _vm.Memory.Map(new MemoryRegion(MemoryRegion.DataBase, data, true, true));
            }
            if (manifest.Rodata != null && manifest.Rodata.Length > 0)
            {
                _vm.Memory.Map(new MemoryRegion(MemoryRegion.RodataBase, manifest.Rodata, true, false));
            }
            if (Coap != null)
            {
                _vm.Memory.Map(new MemoryRegion(ContextLayout.CoapBufferAddress, Coap.Buffer, true, true));
            }
            State = ContainerState.Installed;
        }

        /// <summary>Runtime-unique, increasing in install order.</summary>
        public int Id { get; private set; }

        public string Name { get; private set; }

        public Tenant Tenant { get; private set; }

        public ContainerManifest Manifest { get; private set; }

        public int Priority { get; private set; }

        public ContainerState State { get; internal set; }

        /// <summary>Estimated managed bytes this container holds (counted against the tenant's RAM budget).</summary>
        public int RamBytes { get; private set; }

        public ContainerCounters Counters { get; private set; }

        public ContainerHealth Health { get; private set; }

        public EventRing Queue { get; private set; }

        public KeyValueStore LocalStore { get; private set; }

        /// <summary>The response being built on a CoAP hook; null unless the program uses CoAP helpers.</summary>
        public CoapExchange Coap { get; private set; }

        public RuntimeServices Services { get; private set; }

        /// <summary>"tenant/container", the source of its log lines.</summary>
        public string LogSource { get; private set; }

        /// <summary>r0 of the last run.</summary>
        public ulong LastResult { get { return _vm.Result; } }

        public VmStatus LastStatus { get { return _vm.Status; } }

        public int FaultIndex { get { return _vm.FaultIndex; } }

        /// <summary>The current event's payload (valid during a run).</summary>
        public byte[] PayloadBuffer { get { return _payload; } }

        public int PayloadLength { get { return _payloadLength; } }

        /// <summary>The declared pin, or null: a container may touch only pins it declared.</summary>
        public PinGrant FindPin(int pin)
        {
            for (int i = 0; i < _pins.Length; i++)
            {
                if (_pins[i].Pin == pin)
                {
                    return _pins[i];
                }
            }
            return null;
        }

        /// <summary>AccessNone/Read/ReadWrite for a board sensor index, from the container's declared sensors.</summary>
        public int SensorAccess(int boardIndex)
        {
            return boardIndex < 0 || boardIndex >= _sensorAccess.Length ? AccessNone : _sensorAccess[boardIndex];
        }

        /// <summary>
        /// Runs the program once for <paramref name="e"/>, if the container is running and within
        /// its budget: the tenant's runs per second, or for an event from outside the board (MQTT,
        /// CoAP, invocations) the container's own <see cref="OutsideRunBudget"/>. Serialised with any
        /// other run of this container.
        /// Allocates nothing unless the run faults or trips a monitor rule.
        /// </summary>
        internal bool Execute(HookEvent e)
        {
            lock (_runLock)
            {
                if (State != ContainerState.Running)
                {
                    return false;
                }
                long nowMs = Services.Clock.NowMs;
                bool outside = OutsideRunBudget.IsOutside(e.Kind);
                if (outside)
                {
                    if (!_outside.TryTake(nowMs, Tenant.Policy.Limits.OutsideRunsPerSecond))
                    {
                        Counters.RecordThrottled();
                        if (_outside.ShouldReportDrop())
                        {
                            _runtime.OnThrottled(this, nowMs);
                        }
                        return false;
                    }
                }
                else if (!Tenant.TryConsumeRun(nowMs))
                {
                    Counters.RecordRateLimited();
                    return false;
                }
                PrepareContext(e);
                if (Coap != null)
                {
                    Coap.Reset();
                }
                _flooded = false;
                long started = System.DateTime.UtcNow.Ticks;
                VmStatus status = _vm.RunAt(Manifest.Entry, ContextLayout.Address, 0);
                long ticks = System.DateTime.UtcNow.Ticks - started;
                Counters.RecordRun(status, _vm.InstructionCount, _vm.BranchCount, ticks);
                _runtime.AfterRun(this, status, _flooded, outside, nowMs);
                return true;
            }
        }

        /// <summary>Meters a helper call: false (ending the run) beyond the tenant's helper calls per second.</summary>
        internal bool BeginHelperCall(int id)
        {
            Counters.RecordHelperCall(id);
            if (_flooded || !_helperCalls.TryAdd(Services.Clock.NowMs, Tenant.Policy.Limits.HelperCallsPerSecond))
            {
                _flooded = true;
                return false;
            }
            return true;
        }

        /// <summary>Counts a helper refusing an undeclared or ungranted resource.</summary>
        internal void ReportViolation(int helperId, int resource)
        {
            Counters.RecordViolation();
            _runtime.OnViolation(this, helperId, resource);
        }

        /// <summary>True once: the first start after install delivers the install hook.</summary>
        internal bool TakeInstallEvent()
        {
            bool first = !_installEventDelivered;
            _installEventDelivered = true;
            return first;
        }

        internal void StartWorker()
        {
            if (_worker != null)
            {
                return;
            }
            _workerExit = false;
            _signal = new AutoResetEvent(false);
            _worker = new Thread(WorkerLoop);
            _worker.Start();
        }

        /// <summary>Stops the thread; joins it unless called from it.</summary>
        internal void StopWorker()
        {
            Thread worker = _worker;
            if (worker == null)
            {
                return;
            }
            _workerExit = true;
            _signal.Set();
            if (Thread.CurrentThread != worker)
            {
                worker.Join();
            }
            _worker = null;
        }

        internal bool HasWorker { get { return _worker != null; } }

        /// <summary>Wakes the thread after an event was queued.</summary>
        internal void Signal()
        {
            AutoResetEvent signal = _signal;
            if (signal != null)
            {
                signal.Set();
            }
        }

        /// <summary>Runs queued events on the calling thread until the queue is empty.</summary>
        internal int Drain()
        {
            int runs = 0;
            HookEvent e;
            while ((e = Queue.Peek()) != null)
            {
                if (_runtime.RunQueued(this, e))
                {
                    runs++;
                }
                Queue.Release();
            }
            return runs;
        }

        private void WorkerLoop()
        {
            AutoResetEvent signal = _signal;
            while (!_workerExit)
            {
                signal.WaitOne();
                if (!_workerExit)
                {
                    Drain();
                }
            }
        }

        private void PrepareContext(HookEvent e)
        {
            // The event record may be larger than this tenant's payload limit: cut to the limit.
            int length = e.PayloadLength < _payload.Length ? e.PayloadLength : _payload.Length;
            int flags = length < e.OriginalLength ? e.Flags | HookEvent.FlagTruncated : e.Flags;
            System.Array.Copy(e.Payload, 0, _payload, 0, length);
            _payloadRegion.Resize(length);
            _payloadLength = length;
            _sequence++;
            byte[] c = _context;
            LittleEndian.WriteUInt32(c, ContextLayout.HookKind, (uint)e.Kind);
            LittleEndian.WriteUInt32(c, ContextLayout.HookParam, (uint)e.Parameter);
            LittleEndian.WriteUInt64(c, ContextLayout.TimestampMs, (ulong)e.TimestampMs);
            LittleEndian.WriteUInt32(c, ContextLayout.PayloadLength, (uint)length);
            LittleEndian.WriteUInt32(c, ContextLayout.OriginalLength, (uint)e.OriginalLength);
            LittleEndian.WriteUInt32(c, ContextLayout.PayloadAddr, ContextLayout.PayloadAddress);
            LittleEndian.WriteUInt32(c, ContextLayout.Flags, (uint)flags);
            LittleEndian.WriteUInt32(c, ContextLayout.Sequence, _sequence);
            LittleEndian.WriteUInt32(c, ContextLayout.Dropped, (uint)Queue.Dropped);
        }

        private static byte[] BuildSensorAccess(ContainerManifest manifest, RuntimeServices services)
        {
            int count = services.Sensors == null ? 0 : services.Sensors.Count;
            byte[] access = new byte[count];
            for (int i = 0; i < count; i++)
            {
                string name = services.Sensors.NameOf(i);
                for (int k = 0; k < manifest.Sensors.Length; k++)
                {
                    if (manifest.Sensors[k].Name == name)
                    {
                        access[i] = (byte)(manifest.Sensors[k].Writable ? AccessReadWrite : AccessRead);
                    }
                }
            }
            return access;
        }
    }
}
