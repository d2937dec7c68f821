using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Runtime.Hooks
{
    /// <summary>
    /// All hooks of the runtime. The hook array is copy-on-write so dispatch iterates a
    /// snapshot without locks; changes happen under the runtime's lock at install/remove.
    /// Creating a GPIO or MQTT hook wires its edge handler or subscription on the board;
    /// the last member leaving unwires it.
    /// </summary>
    internal sealed class HookRegistry
    {
        private readonly WasmBoxRuntime _runtime;
        private Hook[] _hooks = new Hook[0];

        public HookRegistry(WasmBoxRuntime runtime)
        {
            _runtime = runtime;
        }

        public Hook[] All { get { return _hooks; } }

        public Hook Find(HookKind kind, int parameter, string filter)
        {
            Hook[] hooks = _hooks;
            for (int i = 0; i < hooks.Length; i++)
            {
                Hook h = hooks[i];
                if (h.Kind == kind && h.Parameter == parameter && h.Filter == filter)
                {
                    return h;
                }
            }
            return null;
        }

        /// <summary>The hook, created (and wired to the board) when new.</summary>
        public Hook GetOrCreate(HookKind kind, int parameter, string filter)
        {
            Hook hook = Find(kind, parameter, filter);
            if (hook != null)
            {
                return hook;
            }
            hook = new Hook(kind, parameter, filter);
            if (kind == HookKind.Timer)
            {
                hook.NextDueMs = _runtime.Services.Clock.NowMs + parameter;
            }
            Wire(hook, true);
            Hook[] next = new Hook[_hooks.Length + 1];
            System.Array.Copy(_hooks, next, _hooks.Length);
            next[_hooks.Length] = hook;
            _hooks = next;
            return hook;
        }

        public void Subscribe(Container c, HookBinding binding)
        {
            GetOrCreate(binding.Kind, binding.Parameter, binding.Filter).Add(c);
        }

        /// <summary>Takes the container off every hook; hooks left empty are unwired and dropped unless they carry an owner's policy.</summary>
        public void Unsubscribe(Container c)
        {
            Hook[] hooks = _hooks;
            int kept = 0;
            Hook[] next = new Hook[hooks.Length];
            for (int i = 0; i < hooks.Length; i++)
            {
                Hook h = hooks[i];
                h.Remove(c);
                if (h.Members.Length == 0 && h.Policy == HookPolicy.Continue)
                {
                    Wire(h, false);
                    continue;
                }
                next[kept++] = h;
            }
            if (kept != hooks.Length)
            {
                Hook[] trimmed = new Hook[kept];
                System.Array.Copy(next, trimmed, kept);
                _hooks = trimmed;
            }
        }

        private void Wire(Hook hook, bool on)
        {
            RuntimeServices s = _runtime.Services;
            if (hook.Kind == HookKind.GpioEdge && s.Gpio != null)
            {
                s.Gpio.SetEdgeHandler(hook.Parameter, on ? new EdgeAdapter(_runtime, hook) : null);
            }
            else if (hook.Kind == HookKind.Mqtt && s.Transport != null)
            {
                // Tenants' filters are relative to wbx/{deviceId}/app/ (BUNDLE-FORMAT.md).
                string filter = s.AppTopicPrefix + hook.Filter;
                if (on)
                {
                    hook.Subscriber = new MessageAdapter(_runtime, hook);
                    s.Transport.Subscribe(filter, 0, hook.Subscriber);
                }
                else if (hook.Subscriber != null)
                {
                    s.Transport.Release(filter, hook.Subscriber);
                    hook.Subscriber = null;
                }
            }
        }

        /// <summary>Turns a pin edge into an event on one hook.</summary>
        private sealed class EdgeAdapter : IGpioEdgeHandler
        {
            private readonly WasmBoxRuntime _runtime;
            private readonly Hook _hook;

            public EdgeAdapter(WasmBoxRuntime runtime, Hook hook)
            {
                _runtime = runtime;
                _hook = hook;
            }

            public void OnEdge(int pin, bool rising, long timestampMs)
            {
                _runtime.Deliver(_hook, rising ? HookEvent.FlagRisingEdge : 0, timestampMs, null, null, 0);
            }
        }

        /// <summary>
        /// Turns a message on a subscription into an event on its hook only (no double delivery on
        /// overlapping filters). The event's key is the topic as received, with its wbx/{deviceId}/app/
        /// prefix (programs never see the key; not cutting it keeps delivery allocation-free).
        /// </summary>
        private sealed class MessageAdapter : IMessageHandler
        {
            private readonly WasmBoxRuntime _runtime;
            private readonly Hook _hook;

            public MessageAdapter(WasmBoxRuntime runtime, Hook hook)
            {
                _runtime = runtime;
                _hook = hook;
            }

            public void OnMessage(string topic, byte[] payload)
            {
                _runtime.Deliver(_hook, 0, _runtime.Services.Clock.NowMs, topic, payload, payload == null ? 0 : payload.Length);
            }
        }
    }
}
