using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>
    /// Install-time check of what a container needs — helpers its program calls, pins with
    /// modes, sensors, hooks, image size and RAM — against what its tenant was granted and
    /// what the board has (Wasm-IO's idea: needs are declared and checked at load, so a
    /// run never discovers a missing grant). Every refusal names the need and the limit.
    /// </summary>
    public static class InstallChecker
    {
        /// <summary>Checked first, before the verifier spends time on an image that cannot be installed.</summary>
        public static InstallResult CheckImageSize(Tenant tenant, int imageBytes)
        {
            int limit = tenant.Policy.Limits.MaxImageBytes;
            return imageBytes <= limit ? null : InstallResult.Refused(InstallError.ImageTooLarge,
                "image is " + imageBytes + " bytes, tenant '" + tenant.Id + "' may install at most " + limit);
        }

        /// <summary>Null when the verified program's needs fit the grant, the board and the budgets, else the refusal.</summary>
        public static InstallResult Check(Tenant tenant, ContainerManifest m, VmProgram program, int ramBytes,
            RuntimeServices services)
        {
            TenantPolicy policy = tenant.Policy;
            TenantLimits limits = policy.Limits;
            string who = "tenant '" + policy.TenantId + "'";
            if (tenant.ContainerCount >= limits.MaxContainers)
            {
                return InstallResult.Refused(InstallError.TooManyContainers,
                    who + " already has " + tenant.ContainerCount + " containers, its limit is " + limits.MaxContainers);
            }
            InstallResult refusal = CheckHelpers(policy, program, who);
            if (refusal == null)
            {
                refusal = CheckPins(policy, m, services.Gpio, who);
            }
            if (refusal == null)
            {
                refusal = CheckSensors(policy, m, services.Sensors, who);
            }
            if (refusal == null)
            {
                refusal = CheckHooks(policy, m, who);
            }
            if (refusal == null)
            {
                refusal = I2cInstallCheck.Check(policy, m, services.Buses, who);
            }
            if (refusal == null)
            {
                refusal = PeripheralInstallCheck.Check(policy, m, services.Buses, who);
            }
            if (refusal == null)
            {
                refusal = BusPinCheck.Check(policy, m, services.Buses, who);
            }
            if (refusal == null && tenant.RamInUse + ramBytes > limits.RamBytes)
            {
                refusal = InstallResult.Refused(InstallError.RamBudgetExceeded,
                    "container needs about " + ramBytes + " bytes of RAM, " + who + " has "
                    + (limits.RamBytes - tenant.RamInUse) + " of " + limits.RamBytes + " left");
            }
            return refusal;
        }

        /// <summary>
        /// Null when the board still has room: at most <see cref="MaxContainersPerBoard"/>
        /// containers, and the runtime's own reserve (its tenants) plus every container's estimate
        /// within the board's heap budget; else the refusal, with the numbers.
        /// </summary>
        public static InstallResult CheckBoard(int ramBytes, int containerBytesInUse, int containerCount,
            int reserveBytes, int heapBudgetBytes)
        {
            if (containerCount >= MaxContainersPerBoard)
            {
                return InstallResult.Refused(InstallError.BoardMemoryExhausted, "the board already holds "
                    + containerCount + " containers, the most one runtime runs (one thread each)");
            }
            long needed = (long)reserveBytes + containerBytesInUse + ramBytes;
            if (needed <= heapBudgetBytes)
            {
                return null;
            }
            return InstallResult.Refused(InstallError.BoardMemoryExhausted, "container needs about " + ramBytes
                + " bytes of RAM, the board has " + (heapBudgetBytes - reserveBytes - containerBytesInUse) + " of its "
                + heapBudgetBytes + "-byte heap budget left (" + containerCount + " containers hold " + containerBytesInUse
                + ", the runtime's tenants " + reserveBytes + ")");
        }

        /// <summary>Ceiling from the design of one thread per container, whatever the heap.</summary>
        public const int MaxContainersPerBoard = 32;

        private static InstallResult CheckHelpers(TenantPolicy policy, VmProgram program, string who)
        {
            int[] ids = program.HelperIds;
            for (int i = 0; i < ids.Length; i++)
            {
                if (!policy.Grant.IsGranted(ids[i]))
                {
                    return InstallResult.Refused(InstallError.HelperNotGranted,
                        "program calls helper " + HelperIds.Describe(ids[i]) + ", which is not granted to " + who);
                }
            }
            return null;
        }

        private static InstallResult CheckPins(TenantPolicy policy, ContainerManifest m, IGpio gpio, string who)
        {
            for (int i = 0; i < m.Pins.Length; i++)
            {
                PinGrant need = m.Pins[i];
                PinGrant grant = policy.FindPin(need.Pin);
                string pin = "pin " + need.Pin;
                if (grant == null)
                {
                    return InstallResult.Refused(InstallError.PinNotGranted, pin + " is not granted to " + who);
                }
                if (grant.Mode != need.Mode)
                {
                    return InstallResult.Refused(InstallError.PinModeMismatch, pin + " is needed as "
                        + PinModes.NameOf(need.Mode) + " but granted to " + who + " as " + PinModes.NameOf(grant.Mode));
                }
                if (gpio == null || !gpio.IsModeSupported(need.Pin, need.Mode))
                {
                    return InstallResult.Refused(InstallError.PinUnsupported,
                        "the board has no " + pin + " supporting " + PinModes.NameOf(need.Mode));
                }
            }
            return null;
        }

        private static InstallResult CheckSensors(TenantPolicy policy, ContainerManifest m, ISensorBus bus, string who)
        {
            for (int i = 0; i < m.Sensors.Length; i++)
            {
                SensorGrant need = m.Sensors[i];
                SensorGrant grant = policy.FindSensor(need.Name);
                string sensor = "sensor \"" + need.Name + "\"";
                if (grant == null)
                {
                    return InstallResult.Refused(InstallError.SensorNotGranted, sensor + " is not granted to " + who);
                }
                if (need.Writable && !grant.Writable)
                {
                    return InstallResult.Refused(InstallError.SensorNotGranted, sensor + " is needed for writing but granted to " + who + " read-only");
                }
                if (!BoardHasSensor(bus, need.Name))
                {
                    return InstallResult.Refused(InstallError.SensorUnknown, "the board has no " + sensor);
                }
            }
            return null;
        }

        private static InstallResult CheckHooks(TenantPolicy policy, ContainerManifest m, string who)
        {
            for (int i = 0; i < m.Hooks.Length; i++)
            {
                HookBinding hook = m.Hooks[i];
                string reason = HookRefusal(policy, m, hook, who);
                if (reason != null)
                {
                    return InstallResult.Refused(InstallError.HookNotAllowed, "hook " + hook + ": " + reason);
                }
            }
            return null;
        }

        private static string HookRefusal(TenantPolicy policy, ContainerManifest m, HookBinding hook, string who)
        {
            switch (hook.Kind)
            {
                case HookKind.Timer:
                    int fastest = 1000 / policy.Limits.RunsPerSecond;
                    if (hook.Parameter < 1 || hook.Parameter < fastest)
                    {
                        return "period must be at least " + (fastest < 1 ? 1 : fastest) + " ms (" + who + " may run "
                            + policy.Limits.RunsPerSecond + " times per second)";
                    }
                    return null;
                case HookKind.GpioEdge:
                    PinGrant pin = null;
                    for (int k = 0; k < m.Pins.Length; k++)
                    {
                        if (m.Pins[k].Pin == hook.Parameter)
                        {
                            pin = m.Pins[k];
                        }
                    }
                    return pin == null || pin.Writable ? "pin " + hook.Parameter + " must be declared as an input" : null;
                case HookKind.Mqtt:
                    string error = TopicFilter.Validate(hook.Filter, true);
                    if (error != null)
                    {
                        return error;
                    }
                    return policy.AllowsTopicFilter(hook.Filter) ? null : "topic filter is outside the topics granted to " + who;
                case HookKind.Coap:
                    if (hook.Filter == null || hook.Filter.Length == 0 || hook.Filter[0] != '/')
                    {
                        return "path must start with '/'";
                    }
                    return policy.AllowsCoapPath(hook.Filter) ? null : "path is outside the CoAP paths granted to " + who;
                default:
                    return null;
            }
        }

        private static bool BoardHasSensor(ISensorBus bus, string name)
        {
            int count = bus == null ? 0 : bus.Count;
            for (int i = 0; i < count; i++)
            {
                if (bus.NameOf(i) == name)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>
    /// How nanoFramework's 32-bit CLR lays out managed objects (nf-interpreter, CLR_RT_HeapBlock
    /// and CLR_RT_HeapBlock_Array): the heap is made of 12-byte blocks; a class instance takes
    /// one header block plus one block per instance field, whatever the field's type; an array
    /// takes a 20-byte header plus its elements (12 bytes per element for references), and a
    /// string a 12-byte header plus its UTF-8 bytes and a NUL, each rounded up to whole blocks.
    /// </summary>
    public static class NanoHeap
    {
        public const int BlockBytes = 12;
        public const int ArrayHeaderBytes = 20;
        public const int ReferenceElementBytes = BlockBytes;

        public static int ObjectBytes(int fields)
        {
            return (fields + 1) * BlockBytes;
        }

        public static int ArrayBytes(int length, int elementBytes)
        {
            return RoundUp(ArrayHeaderBytes + length * elementBytes);
        }

        public static int ReferenceArrayBytes(int length)
        {
            return ArrayBytes(length, ReferenceElementBytes);
        }

        public static int StringBytes(int utf8Length)
        {
            return RoundUp(BlockBytes + utf8Length + 1);
        }

        /// <summary>A string as the device stores it: UTF-8 (1 to 3 bytes a char, 4 a surrogate pair).</summary>
        public static int StringBytes(string s)
        {
            int utf8 = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                utf8 += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
            }
            return StringBytes(utf8);
        }

        private static int RoundUp(int bytes)
        {
            return (bytes + BlockBytes - 1) / BlockBytes * BlockBytes;
        }
    }

    /// <summary>
    /// Managed bytes one container holds on a 32-bit nanoFramework device, priced with
    /// <see cref="NanoHeap"/> from the arrays and objects <see cref="Container"/> really
    /// allocates: its VM (program arrays, stack, registers, memory table and regions), helper
    /// table (a 256-byte id map and one slot per handler) and bound helpers with their buffers, context and payload
    /// buffers, event ring, local store, counters, monitor trackers, data copy, CoAP buffer,
    /// the manifest it keeps, its hook subscriptions and its worker thread. The host tool
    /// `wbx memory` walks installed containers and checks this formula against them.
    /// </summary>
    public static class RamEstimate
    {
        /// <summary>
        /// A worker thread: CLR_RT_Thread, sub-thread, Thread object, delegate and wait handle
        /// (~0.5 KB), plus its interpreter stack frames — idle in WaitOne, and during a run the
        /// chain down to a helper — which nanoFramework allocates on the managed heap.
        /// Estimated from nf-interpreter's structure sizes and the methods' IL locals and
        /// evaluation stacks (see hw-profiles/README.md, "Memory plan").
        /// </summary>
        public const int WorkerThreadBytes = 2772;

        /// <summary>A hook subscription, priced as a new hook: the Hook object (6 fields), a registry array and a member array of one (20 + 12 bytes, rounded to 36).</summary>
        public const int HookSubscriptionBytes = (6 + 1) * NanoHeap.BlockBytes + 2 * 36;

        // Instance fields of the classes a container allocates (checked against reflection by the memory tool's tests).
        private const int ContainerFields = 31;
        private const int OutsideRunBudgetFields = 2;
        private const int VmFields = 26;
        private const int VmMemoryFields = 4;
        private const int MemoryRegionFields = 7;
        private const int VmProgramFields = 7;
        private const int HelperTableFields = 2;
        private const int EventRingFields = 5;
        private const int HookEventFields = 10;
        private const int KeyValueStoreFields = 3;
        private const int CountersFields = 12;
        private const int HealthFields = 4;
        private const int BurstTrackerFields = 3;
        private const int RateBaselineFields = 4;
        private const int RateWindowFields = 2;
        private const int ManifestFields = 12;
        private const int HookBindingFields = 3;
        private const int GrantFields = 2;
        private const int I2cDeviceFields = 5;
        private const int I2cGrantFields = 3;
        private const int PeripheralsFields = 4;
        private const int SpiDeviceFields = 7;
        private const int UartUseFields = 4;
        private const int ChannelUseFields = 2;
        private const int SpiGrantFields = 2;
        private const int CoapExchangeFields = 3;
        private const int LineBuilderFields = 3;
        private const int LineBuilderDigits = 20;
        private const int FmtBufferBytes = 24;
        private const int TenantFields = 5;
        private const int PolicyFields = 11;
        private const int LimitsFields = 12;

        /// <param name="appTopicPrefixLength">Length of the board's wbx/{deviceId}/app/ (mqtt_publish keeps it in its topic buffer).</param>
        public static int Of(ContainerManifest m, VmProgram program, TenantLimits limits, string tenantId,
            int boardSensors, MonitorSettings monitor, int appTopicPrefixLength)
        {
            int payload = limits.PayloadBytes;
            int[] helpers = program.HelperIds;
            int bytes = NanoHeap.ObjectBytes(ContainerFields) + NanoHeap.ObjectBytes(0) + NanoHeap.ObjectBytes(RateWindowFields);
            // The outside-triggered run budget and its window.
            bytes += NanoHeap.ObjectBytes(OutsideRunBudgetFields) + NanoHeap.ObjectBytes(RateWindowFields);
            bytes += NanoHeap.StringBytes(tenantId + "/" + m.Name);
            bytes += NanoHeap.ArrayBytes(ContextLayout.Size, 1) + NanoHeap.ArrayBytes(payload, 1) + NanoHeap.ArrayBytes(boardSensors, 1);
            bytes += Store(limits.LocalStoreCapacity);
            bytes += Queue(limits.EventQueueDepth, payload);
            bytes += Monitoring(monitor);
            bytes += Machine(m, program);
            bytes += NanoHeap.ObjectBytes(HelperTableFields) + NanoHeap.ArrayBytes(HelperTable.MaxId + 1, 1)
                + NanoHeap.ReferenceArrayBytes(helpers.Length);
            for (int i = 0; i < helpers.Length; i++)
            {
                bytes += HelperBytes(helpers[i], appTopicPrefixLength);
            }
            if (HelperCatalog.UsesCoap(helpers))
            {
                bytes += NanoHeap.ObjectBytes(CoapExchangeFields) + NanoHeap.ArrayBytes(payload, 1) + Region();
            }
            bytes += Manifest(m);
            bytes += m.Hooks.Length * HookSubscriptionBytes;
            return bytes + WorkerThreadBytes;
        }

        /// <summary>What a provisioned tenant holds: the tenant, its global store, run-rate window and its policy.</summary>
        public static int OfTenant(TenantPolicy policy)
        {
            int bytes = NanoHeap.ObjectBytes(TenantFields) + Store(policy.Limits.GlobalStoreCapacity) + NanoHeap.ObjectBytes(RateWindowFields);
            bytes += NanoHeap.ObjectBytes(PolicyFields) + NanoHeap.StringBytes(policy.TenantId) + NanoHeap.ObjectBytes(LimitsFields);
            bytes += NanoHeap.ObjectBytes(1) + NanoHeap.ArrayBytes((HelperTable.MaxId + 1) / 32, 4);
            bytes += NanoHeap.ArrayBytes(policy.HelperIds.Length, 4);
            bytes += NanoHeap.ReferenceArrayBytes(policy.PinCount) + policy.PinCount * NanoHeap.ObjectBytes(GrantFields);
            bytes += NanoHeap.ReferenceArrayBytes(policy.SensorCount);
            for (int i = 0; i < policy.SensorCount; i++)
            {
                bytes += NanoHeap.ObjectBytes(GrantFields) + NanoHeap.StringBytes(policy.SensorAt(i).Name);
            }
            bytes += NanoHeap.ReferenceArrayBytes(policy.I2cGrantCount) + policy.I2cGrantCount * NanoHeap.ObjectBytes(I2cGrantFields);
            bytes += GrantsBytes(policy.GrantedPeripherals);
            bytes += NanoHeap.ReferenceArrayBytes(policy.TopicCount) + NanoHeap.ReferenceArrayBytes(policy.CoapPathCount);
            for (int i = 0; i < policy.TopicCount; i++)
            {
                bytes += NanoHeap.StringBytes(policy.TopicAt(i));
            }
            for (int i = 0; i < policy.CoapPathCount; i++)
            {
                bytes += NanoHeap.StringBytes(policy.CoapPathAt(i));
            }
            return bytes;
        }

        /// <summary>A bound helper and the buffers it owns (the CoAP exchange is counted once per container).</summary>
        public static int HelperBytes(int id, int appTopicPrefixLength)
        {
            switch (id)
            {
                case HelperIds.Print:
                    return NanoHeap.ObjectBytes(3) + LineBuilderBytes(WasmBox.Nano.Runtime.Helpers.LineBuilder.DefaultCapacity);
                case HelperIds.StoreLocal:
                case HelperIds.StoreGlobal:
                case HelperIds.FetchLocal:
                case HelperIds.FetchGlobal:
                    return NanoHeap.ObjectBytes(4);
                case HelperIds.SaulFindNth:
                case HelperIds.SaulFindType:
                case HelperIds.SaulRead:
                case HelperIds.ActuatorWrite:
                    return NanoHeap.ObjectBytes(3) + NanoHeap.ArrayBytes(SensorHelper.PhydatSize, 1);
                case HelperIds.FmtS16Dfp:
                case HelperIds.FmtU32Dec:
                    return NanoHeap.ObjectBytes(4) + LineBuilderBytes(FmtBufferBytes) + NanoHeap.ArrayBytes(FmtBufferBytes, 1);
                case HelperIds.MqttPublish:
                    // The topic buffer holds the board's wbx/{deviceId}/app/ prefix, then the program's topic.
                    return NanoHeap.ObjectBytes(4) + NanoHeap.ArrayBytes(appTopicPrefixLength + MqttPublishHelper.MaxTopicLength, 2);
                case HelperIds.I2cWrite:
                case HelperIds.I2cRead:
                case HelperIds.I2cWriteRead:
                    return NanoHeap.ObjectBytes(4) + 2 * NanoHeap.ArrayBytes(I2cHelper.MaxTransfer, 1);
                case HelperIds.SpiTransfer:
                    return NanoHeap.ObjectBytes(4) + 2 * NanoHeap.ArrayBytes(SpiHelper.MaxTransfer, 1);
                case HelperIds.UartWrite:
                case HelperIds.UartRead:
                    return NanoHeap.ObjectBytes(3) + NanoHeap.ArrayBytes(UartHelper.MaxTransfer, 1);
                case HelperIds.Log:
                    return NanoHeap.ObjectBytes(4) + NanoHeap.ArrayBytes(LogHelper.MaxMessage, 1) + LineBuilderBytes(LogHelper.MaxMessage + 8);
                default:
                    return NanoHeap.ObjectBytes(2);
            }
        }

        private static int LineBuilderBytes(int capacity)
        {
            return NanoHeap.ObjectBytes(LineBuilderFields) + NanoHeap.ArrayBytes(capacity, 2) + NanoHeap.ArrayBytes(LineBuilderDigits, 2);
        }

        private static int Store(int capacity)
        {
            return NanoHeap.ObjectBytes(KeyValueStoreFields) + 2 * NanoHeap.ArrayBytes(capacity, 4);
        }

        private static int Queue(int depth, int payload)
        {
            int slot = NanoHeap.ObjectBytes(HookEventFields) + NanoHeap.ArrayBytes(payload, 1);
            return NanoHeap.ObjectBytes(EventRingFields) + NanoHeap.ReferenceArrayBytes(depth) + depth * slot;
        }

        private static int Monitoring(MonitorSettings s)
        {
            int bytes = NanoHeap.ObjectBytes(CountersFields) + NanoHeap.ArrayBytes(ContainerCounters.StatusKinds, 4)
                + NanoHeap.ArrayBytes(HelperCatalog.Count, 4);
            bytes += NanoHeap.ObjectBytes(HealthFields) + NanoHeap.ObjectBytes(RateBaselineFields);
            bytes += NanoHeap.ObjectBytes(BurstTrackerFields) + NanoHeap.ArrayBytes(s.FaultBurstCount, 8);
            return bytes + NanoHeap.ObjectBytes(BurstTrackerFields) + NanoHeap.ArrayBytes(s.ViolationBurstCount, 8);
        }

        /// <summary>The VM: program arrays, stack and saved registers, register file, memory table and its regions.</summary>
        private static int Machine(ContainerManifest m, VmProgram program)
        {
            int n = program.Count;
            int nested = m.StackFrames - 1;
            int bytes = NanoHeap.ObjectBytes(VmFields) + NanoHeap.ArrayBytes(11, 8);
            bytes += NanoHeap.ArrayBytes(m.StackFrames * WasmBox.Nano.Vm.Vm.StackFrameSize, 1);
            bytes += NanoHeap.ArrayBytes(nested * 5, 8) + NanoHeap.ArrayBytes(nested, 4);
            // The program: opcodes, registers, offsets, immediates, run lengths; and the VM's own opcodes.
            bytes += NanoHeap.ObjectBytes(VmProgramFields) + 3 * NanoHeap.ArrayBytes(n, 1) + 2 * NanoHeap.ArrayBytes(n, 4)
                + NanoHeap.ArrayBytes(n, 2) + NanoHeap.ArrayBytes(program.HelperIds.Length, 4);
            bytes += NanoHeap.ArrayBytes(n, 1);
            bytes += NanoHeap.ObjectBytes(VmMemoryFields) + NanoHeap.ReferenceArrayBytes(VmMemory.MaxRegions);
            bytes += 3 * Region(); // stack, context, payload
            int data = (m.Data == null ? 0 : m.Data.Length) + m.BssSize;
            if (data > 0)
            {
                bytes += NanoHeap.ArrayBytes(data, 1) + Region();
            }
            if (m.Rodata != null && m.Rodata.Length > 0)
            {
                bytes += Region();
            }
            return bytes;
        }

        private static int Region()
        {
            return NanoHeap.ObjectBytes(MemoryRegionFields);
        }

        /// <summary>A manifest's SPI, UART, PWM and ADC declarations; nothing when it has none.</summary>
        private static int NeedsBytes(PeripheralNeeds p)
        {
            if (p == null)
            {
                return 0;
            }
            return NanoHeap.ObjectBytes(PeripheralsFields)
                + NanoHeap.ReferenceArrayBytes(p.Spi.Length) + p.Spi.Length * NanoHeap.ObjectBytes(SpiDeviceFields)
                + NanoHeap.ReferenceArrayBytes(p.Uart.Length) + p.Uart.Length * NanoHeap.ObjectBytes(UartUseFields)
                + NanoHeap.ReferenceArrayBytes(p.Pwm.Length) + p.Pwm.Length * NanoHeap.ObjectBytes(ChannelUseFields)
                + NanoHeap.ReferenceArrayBytes(p.Adc.Length) + p.Adc.Length * NanoHeap.ObjectBytes(ChannelUseFields);
        }

        /// <summary>A policy's SPI, UART, PWM and ADC grants; nothing when it has none.</summary>
        private static int GrantsBytes(PeripheralGrants g)
        {
            if (g == null)
            {
                return 0;
            }
            int bytes = NanoHeap.ObjectBytes(PeripheralsFields) + NanoHeap.ReferenceArrayBytes(g.Spi.Length)
                + NanoHeap.ArrayBytes(g.UartPorts.Length, 4) + NanoHeap.ArrayBytes(g.PwmChannels.Length, 4) + NanoHeap.ArrayBytes(g.AdcChannels.Length, 4);
            for (int i = 0; i < g.Spi.Length; i++)
            {
                bytes += NanoHeap.ObjectBytes(SpiGrantFields) + NanoHeap.ArrayBytes(g.Spi[i].ChipSelectCount, 4);
            }
            return bytes;
        }

        /// <summary>The manifest the container keeps, with its hooks, grants, name, data and rodata.</summary>
        private static int Manifest(ContainerManifest m)
        {
            int bytes = NanoHeap.ObjectBytes(ManifestFields) + NanoHeap.StringBytes(m.Name);
            bytes += NanoHeap.ReferenceArrayBytes(m.Hooks.Length) + m.Hooks.Length * NanoHeap.ObjectBytes(HookBindingFields);
            for (int i = 0; i < m.Hooks.Length; i++)
            {
                if (m.Hooks[i].Filter != null)
                {
                    bytes += NanoHeap.StringBytes(m.Hooks[i].Filter);
                }
            }
            bytes += NanoHeap.ReferenceArrayBytes(m.Pins.Length) + m.Pins.Length * NanoHeap.ObjectBytes(GrantFields);
            bytes += NanoHeap.ReferenceArrayBytes(m.I2cDevices.Length) + m.I2cDevices.Length * NanoHeap.ObjectBytes(I2cDeviceFields);
            bytes += NeedsBytes(m.Peripherals);
            bytes += NanoHeap.ReferenceArrayBytes(m.Sensors.Length);
            for (int i = 0; i < m.Sensors.Length; i++)
            {
                bytes += NanoHeap.ObjectBytes(GrantFields) + NanoHeap.StringBytes(m.Sensors[i].Name);
            }
            if (m.Data != null)
            {
                bytes += NanoHeap.ArrayBytes(m.Data.Length, 1);
            }
            if (m.Rodata != null)
            {
                bytes += NanoHeap.ArrayBytes(m.Rodata.Length, 1);
            }
            return bytes;
        }
    }
}
