using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
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
            if (refusal == null && tenant.RamInUse + ramBytes > limits.RamBytes)
            {
                refusal = InstallResult.Refused(InstallError.RamBudgetExceeded,
                    "container needs about " + ramBytes + " bytes of RAM, " + who + " has "
                    + (limits.RamBytes - tenant.RamInUse) + " of " + limits.RamBytes + " left");
            }
            return refusal;
        }

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
    /// Estimated managed bytes of one container on a 32-bit device: stack and saved
    /// registers, context, payload buffers and queue, the decoded program (15 bytes a slot),
    /// the helper table (256 references) and bound helpers, local store, data sections and
    /// a fixed allowance for the objects themselves. An estimate for budgeting, measured
    /// against the host in the runtime's README.
    /// </summary>
    public static class RamEstimate
    {
        public const int FixedOverhead = 768;
        public const int QueueSlotOverhead = 48;
        public const int BytesPerSlot = 15;
        public const int HelperTableBytes = 1024;
        public const int BytesPerHelper = 32;

        public static int Of(ContainerManifest m, VmProgram program, TenantLimits limits)
        {
            int payload = limits.PayloadBytes;
            int bytes = FixedOverhead;
            bytes += m.StackFrames * (WasmBox.Nano.Vm.Vm.StackFrameSize + 44);
            bytes += ContextLayout.Size + payload;
            bytes += limits.EventQueueDepth * (payload + QueueSlotOverhead);
            bytes += program.Count * BytesPerSlot;
            int[] helpers = program.HelperIds;
            bytes += HelperTableBytes + helpers.Length * BytesPerHelper;
            bytes += limits.LocalStoreCapacity * 8;
            bytes += (m.Data == null ? 0 : m.Data.Length) + m.BssSize;
            bytes += m.Rodata == null ? 0 : m.Rodata.Length;
            if (HelperCatalog.UsesCoap(helpers))
            {
                bytes += payload;
            }
            return bytes;
        }
    }
}
