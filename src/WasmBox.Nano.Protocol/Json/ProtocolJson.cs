using WasmBox.Nano.Cbor;
using WasmBox.Nano.Protocol.Logs;
using WasmBox.Nano.Protocol.Policies;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Update;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Protocol.Json
{
    /// <summary>
    /// The JSON documents the device sends (README.md): operation results, invocation results,
    /// state, telemetry and events. Free text (refusal reasons, event details) is cut to
    /// <see cref="MaxTextChars"/> so an answer always fits one CoAP datagram.
    /// </summary>
    public static class ProtocolJson
    {
        public const int MaxTextChars = 240;

        /// <summary>{"op","bytes","ok","status","refusal","reason","tenant","slot","sequence"}.</summary>
        public static byte[] UpdateResult(UpdateOperation operation, int bytes, UpdateResult r)
        {
            JsonWriter w = new JsonWriter(256);
            w.BeginObject()
                .Property("op", ProtocolNames.Of(operation))
                .Property("bytes", bytes)
                .Property("ok", r.Ok)
                .Property("status", ProtocolNames.Of(r.Status))
                .Property("refusal", RefusalName(r.Refusal));
            w.Name("reason").String(r.Reason, MaxTextChars);
            w.Property("tenant", r.Tenant)
                .Property("slot", r.Slot)
                .Property("sequence", r.Sequence)
                .EndObject();
            return w.ToArray();
        }

        /// <summary>{"tenant","slot","ok","refusal","name","status","result","coapCode","output"}.</summary>
        public static byte[] InvokeResult(InvokeResult r)
        {
            JsonWriter w = new JsonWriter(128);
            w.BeginObject()
                .Property("tenant", r.Tenant)
                .Property("slot", r.Slot)
                .Property("ok", r.Ok)
                .Property("refusal", r.Refusal == InvokeRefusal.None ? null : WasmBox.Nano.Protocol.InvokeResult.RefusalName(r.Refusal));
            if (r.Reason != null)
            {
                w.Name("reason").String(r.Reason, MaxTextChars);
            }
            if (r.Ok)
            {
                w.Property("name", r.Name)
                    .Property("status", VmStatusText.Describe(r.Status))
                    .Property("result", (long)r.Result);
                if (r.Output != null)
                {
                    w.Property("coapCode", r.CoapCode);
                    if (Utf8.IsValid(r.Output, 0, r.OutputLength))
                    {
                        w.Name("output").String(Utf8.Decode(r.Output, 0, r.OutputLength), MaxTextChars);
                    }
                    else
                    {
                        w.Name("outputHex").HexString(r.Output, 0, r.OutputLength);
                    }
                }
            }
            w.EndObject();
            return w.ToArray();
        }

        /// <summary>
        /// The "online" state: device, runtime version, uptime (left out when negative) and every
        /// installed function.
        /// </summary>
        public static byte[] Online(string deviceId, string runtimeVersion, long uptimeMs, InstalledFunction[] installed)
        {
            return Online(deviceId, runtimeVersion, uptimeMs, installed, null);
        }

        /// <summary>
        /// The "online" state, each function with the "reason" for its state when
        /// <paramref name="reasons"/> (from the monitor's events) has one.
        /// </summary>
        public static byte[] Online(string deviceId, string runtimeVersion, long uptimeMs, InstalledFunction[] installed, StateReasons reasons)
        {
            JsonWriter w = new JsonWriter(256);
            w.BeginObject()
                .Property("device", deviceId)
                .Property("online", true)
                .Property("runtime", runtimeVersion);
            if (uptimeMs >= 0)
            {
                w.Property("uptimeMs", uptimeMs);
            }
            w.Name("functions").BeginArray();
            for (int i = 0; i < installed.Length; i++)
            {
                InstalledFunction f = installed[i];
                w.BeginObject()
                    .Property("tenant", f.Tenant)
                    .Property("slot", f.Slot)
                    .Property("sequence", f.Sequence)
                    .Property("name", f.Name)
                    .Property("state", f.Container == null ? "absent" : ContainerStateText.Describe(f.Container.State));
                string reason = reasons == null || f.Container == null || f.Container.State == ContainerState.Running
                    ? null : reasons.ReasonFor(f.Container.Id);
                if (reason != null)
                {
                    w.Name("reason").String(reason, MaxTextChars);
                }
                w.Name("digest").HexString(f.Digest);
                w.EndObject();
            }
            w.EndArray().EndObject();
            return w.ToArray();
        }

        /// <summary>
        /// A tenant's printed line on the log topic: {"device","tenant","container","t","line"}, plus
        /// "cut":true when it was shortened and "dropped":N when the tenant's earlier lines were dropped.
        /// </summary>
        public static byte[] LogLine(string deviceId, TenantLogLine line)
        {
            JsonWriter w = new JsonWriter(64 + line.Text.Length);
            w.BeginObject()
                .Property("device", deviceId)
                .Property("tenant", line.Tenant)
                .Property("container", line.Container)
                .Property("t", line.TimestampMs)
                .Property("line", line.Text);
            if (line.Cut)
            {
                w.Property("cut", true);
            }
            if (line.DroppedBefore > 0)
            {
                w.Property("dropped", line.DroppedBefore);
            }
            w.EndObject();
            return w.ToArray();
        }

        /// <summary>The retained "offline" state: the Last Will, and what a clean shutdown publishes.</summary>
        public static byte[] Offline(string deviceId)
        {
            JsonWriter w = new JsonWriter(64);
            w.BeginObject().Property("device", deviceId).Property("online", false).EndObject();
            return w.ToArray();
        }

        /// <summary>
        /// The monitor's counters for every installed function, and the board's free managed heap
        /// (left out when negative: the board does not report it).
        /// </summary>
        public static byte[] Telemetry(string deviceId, long uptimeMs, int totalEvents, long freeBytes, InstalledFunction[] installed)
        {
            return Telemetry(deviceId, uptimeMs, totalEvents, freeBytes, installed, null);
        }

        /// <summary>As above, plus each hostcall policy's decisions ("policies", left out when none is installed).</summary>
        public static byte[] Telemetry(string deviceId, long uptimeMs, int totalEvents, long freeBytes, InstalledFunction[] installed,
            HostcallPolicy[] policies)
        {
            JsonWriter w = new JsonWriter(512);
            w.BeginObject()
                .Property("device", deviceId)
                .Property("uptimeMs", uptimeMs)
                .Property("events", totalEvents);
            if (freeBytes >= 0)
            {
                w.Property("freeBytes", freeBytes);
            }
            w.Name("functions").BeginArray();
            for (int i = 0; i < installed.Length; i++)
            {
                InstalledFunction f = installed[i];
                Container c = f.Container;
                w.BeginObject()
                    .Property("tenant", f.Tenant)
                    .Property("slot", f.Slot)
                    .Property("name", f.Name);
                if (c != null)
                {
                    ContainerCounters k = c.Counters;
                    w.Property("state", ContainerStateText.Describe(c.State))
                        .Property("runs", k.Runs)
                        .Property("faults", k.Faults)
                        .Property("budgetHits", k.BudgetHits)
                        .Property("rateLimited", k.RateLimitedRuns)
                        .Property("throttled", k.ThrottledRuns)
                        .Property("violations", k.PolicyViolations)
                        .Property("instructions", k.Instructions)
                        .Property("helperCalls", k.HelperCalls)
                        .Property("avgRunTicks", k.RunTicksAverage)
                        .Property("maxRunTicks", k.RunTicksMax);
                }
                w.EndObject();
            }
            w.EndArray();
            if (policies != null && policies.Length > 0)
            {
                PolicyJson.WriteCounters(w, policies);
            }
            w.EndObject();
            return w.ToArray();
        }

        /// <summary>A runtime event: install, state change, fault, policy violation, quarantine.</summary>
        public static byte[] Event(string deviceId, RuntimeEvent e)
        {
            JsonWriter w = new JsonWriter(256);
            w.BeginObject()
                .Property("device", deviceId)
                .Property("kind", ProtocolNames.Of(e.Kind))
                .Property("timestampMs", e.TimestampMs)
                .Property("tenant", e.TenantId)
                .Property("container", e.ContainerName)
                .Property("state", ContainerStateText.Describe(e.State))
                .Property("status", VmStatusText.Describe(e.Status))
                .Property("anomaly", ProtocolNames.Of(e.Anomaly));
            w.Name("detail").String(e.Detail, MaxTextChars);
            w.EndObject();
            return w.ToArray();
        }

        /// <summary>An update operation's outcome as an event (kind "update"), whichever transport carried it.</summary>
        public static byte[] UpdateEvent(string deviceId, long timestampMs, UpdateOperation operation, UpdateResult r)
        {
            JsonWriter w = new JsonWriter(256);
            w.BeginObject()
                .Property("device", deviceId)
                .Property("kind", "update")
                .Property("timestampMs", timestampMs)
                .Property("op", ProtocolNames.Of(operation))
                .Property("status", ProtocolNames.Of(r.Status))
                .Property("refusal", RefusalName(r.Refusal))
                .Property("tenant", r.Tenant)
                .Property("slot", r.Slot)
                .Property("sequence", r.Sequence);
            w.Name("detail").String(r.Reason, MaxTextChars);
            w.EndObject();
            return w.ToArray();
        }

        /// <summary>The refusal's stable name, null when there is none.</summary>
        private static string RefusalName(UpdateRefusal refusal)
        {
            return refusal == UpdateRefusal.None ? null : UpdateRefusalText.Name(refusal);
        }

        /// <summary>{"error": text} for requests that cannot be answered otherwise.</summary>
        public static byte[] Error(string code, string detail)
        {
            JsonWriter w = new JsonWriter(128);
            w.BeginObject().Property("error", code);
            w.Name("detail").String(detail, MaxTextChars);
            w.EndObject();
            return w.ToArray();
        }
    }
}
