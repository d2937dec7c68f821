namespace WasmBox.Nano.Runtime.Hooks
{
    /// <summary>What wakes a container. Values are written into the context struct.</summary>
    public enum HookKind
    {
        /// <summary>Periodic timer; the hook's parameter is the period in ms.</summary>
        Timer = 1,
        /// <summary>Edge on an input pin; the parameter is the pin.</summary>
        GpioEdge = 2,
        /// <summary>MQTT message on a topic matching the hook's filter; the payload is the message.</summary>
        Mqtt = 3,
        /// <summary>CoAP request on a path starting with the hook's path; the payload is the request body.</summary>
        Coap = 4,
        /// <summary>Once when the runtime boots.</summary>
        Boot = 5,
        /// <summary>Once, to the container alone, the first time it is started after install.</summary>
        Install = 6,
    }

    /// <summary>
    /// How containers sharing a hook run, as Femto-Containers' hook policies: all of them, or
    /// in order until one returns a negative (or positive) value. The low 32 bits of r0 are
    /// read as a signed C int. A faulting container does not stop the chain.
    /// </summary>
    public enum HookPolicy
    {
        Continue = 0,
        StopOnNegative = 1,
        StopOnPositive = 2,
    }

    /// <summary>One hook a container subscribes to, as declared in its manifest.</summary>
    public sealed class HookBinding
    {
        private HookBinding(HookKind kind, int parameter, string filter)
        {
            Kind = kind;
            Parameter = parameter;
            Filter = filter;
        }

        public HookKind Kind { get; private set; }

        /// <summary>Timer period in ms, or the GPIO pin; 0 for other kinds.</summary>
        public int Parameter { get; private set; }

        /// <summary>MQTT topic filter or CoAP path; null for other kinds.</summary>
        public string Filter { get; private set; }

        public static HookBinding Timer(int periodMs)
        {
            return new HookBinding(HookKind.Timer, periodMs, null);
        }

        public static HookBinding GpioEdge(int pin)
        {
            return new HookBinding(HookKind.GpioEdge, pin, null);
        }

        public static HookBinding Mqtt(string topicFilter)
        {
            return new HookBinding(HookKind.Mqtt, 0, topicFilter);
        }

        public static HookBinding Coap(string path)
        {
            return new HookBinding(HookKind.Coap, 0, path);
        }

        public static HookBinding Boot()
        {
            return new HookBinding(HookKind.Boot, 0, null);
        }

        public static HookBinding Install()
        {
            return new HookBinding(HookKind.Install, 0, null);
        }

        public bool SameHook(HookKind kind, int parameter, string filter)
        {
            return Kind == kind && Parameter == parameter && Filter == filter;
        }

        public override string ToString()
        {
            return HookText.Describe(Kind, Parameter, Filter);
        }
    }

    /// <summary>Human-readable hook names for messages and telemetry.</summary>
    public static class HookText
    {
        public static string Describe(HookKind kind, int parameter, string filter)
        {
            switch (kind)
            {
                case HookKind.Timer: return "timer " + parameter + " ms";
                case HookKind.GpioEdge: return "gpio edge on pin " + parameter;
                case HookKind.Mqtt: return "mqtt " + filter;
                case HookKind.Coap: return "coap " + filter;
                case HookKind.Boot: return "boot";
                case HookKind.Install: return "install";
                default: return "unknown hook";
            }
        }
    }
}
