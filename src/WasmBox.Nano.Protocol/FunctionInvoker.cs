using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Update;
using RuntimeCoapResponse = WasmBox.Nano.Runtime.Containers.CoapResponse;

namespace WasmBox.Nano.Protocol
{
    /// <summary>
    /// Runs an installed function once, now, with a payload from a remote caller: as a CoAP event
    /// on its CoAP hook when it has one (the function's CoAP response becomes the output), else as a
    /// message on its MQTT hook's filter. Only that container runs; the run is the runtime's own
    /// (budgets, rate limit, monitor), never a side door. Not thread-safe: <see cref="DeviceService"/> serialises calls.
    /// </summary>
    public sealed class FunctionInvoker
    {
        private readonly WasmBoxRuntime _runtime;
        private readonly RuntimeCoapResponse _coap;
        /// <summary>Where a payload that lies inside a larger message (a signed invocation) is copied to run.</summary>
        private readonly byte[] _slice;

        /// <param name="maxBytes">Largest payload and largest CoAP answer.</param>
        public FunctionInvoker(WasmBoxRuntime runtime, int maxBytes)
        {
            _runtime = runtime;
            _coap = new RuntimeCoapResponse(maxBytes);
            _slice = new byte[maxBytes];
        }

        /// <summary>Runs <paramref name="function"/> with the <paramref name="length"/> bytes of <paramref name="payload"/> at <paramref name="offset"/>.</summary>
        public InvokeResult Invoke(InstalledFunction function, byte[] payload, int offset, int length)
        {
            if (offset != 0)
            {
                System.Array.Copy(payload, offset, _slice, 0, length);
                payload = _slice;
            }
            InvokeResult r = new InvokeResult();
            r.Tenant = function.Tenant;
            r.Slot = function.Slot;
            r.Name = function.Name;
            Container c = function.Container;
            if (c.State != ContainerState.Running)
            {
                r.Refusal = InvokeRefusal.NotRunning;
                return r;
            }
            HookBinding hook = FindHook(c, HookKind.Coap);
            if (hook == null)
            {
                hook = FindHook(c, HookKind.Mqtt);
            }
            if (hook == null)
            {
                r.Refusal = InvokeRefusal.NoInvocableHook;
                return r;
            }
            int throttled = c.Counters.ThrottledRuns;
            if (!_runtime.Invoke(c, hook.Kind, hook.Filter, payload, length, _coap))
            {
                r.Refusal = c.State != ContainerState.Running ? InvokeRefusal.NotRunning
                    : c.Counters.ThrottledRuns != throttled ? InvokeRefusal.Throttled : InvokeRefusal.NotRun;
                return r;
            }
            r.Ok = true;
            r.Status = c.LastStatus;
            r.Result = c.LastResult;
            if (_coap.Code != 0)
            {
                r.CoapCode = _coap.Code;
                r.Output = _coap.Payload;
                r.OutputLength = _coap.PayloadLength;
            }
            return r;
        }

        private static HookBinding FindHook(Container c, HookKind kind)
        {
            HookBinding[] hooks = c.Manifest.Hooks;
            for (int i = 0; i < hooks.Length; i++)
            {
                if (hooks[i].Kind == kind)
                {
                    return hooks[i];
                }
            }
            return null;
        }
    }
}
