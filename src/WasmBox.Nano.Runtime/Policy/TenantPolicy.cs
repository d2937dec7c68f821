using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Policy
{
    /// <summary>A pin a tenant may use, and the one mode it is wired for.</summary>
    public sealed class PinGrant
    {
        public PinGrant(int pin, PinDriveMode mode)
        {
            Pin = pin;
            Mode = mode;
        }

        public int Pin { get; private set; }

        public PinDriveMode Mode { get; private set; }

        /// <summary>Only output pins may be written or toggled.</summary>
        public bool Writable { get { return Mode == PinDriveMode.Output; } }

        /// <summary>Two tenants may share a pin only as inputs in the same mode: nobody drives it, nobody reconfigures it.</summary>
        public bool CanShareWith(PinGrant other)
        {
            return !Writable && !other.Writable && Mode == other.Mode;
        }
    }

    /// <summary>A sensor or actuator (by its board name) a tenant may read, and maybe write.</summary>
    public sealed class SensorGrant
    {
        public SensorGrant(string name, bool writable)
        {
            Name = name;
            Writable = writable;
        }

        public string Name { get; private set; }

        public bool Writable { get; private set; }
    }

    /// <summary>
    /// What the board owner grants one tenant: helpers, pins with modes, sensors, topics and
    /// CoAP paths, and budgets. Built by <see cref="PolicyParser"/> from a provisioning
    /// document; immutable once built.
    /// </summary>
    public sealed class TenantPolicy
    {
        public const int DefaultLocalStoreCapacity = 16;
        public const int DefaultGlobalStoreCapacity = 32;
        public const int DefaultEventQueueDepth = 4;
        public const int DefaultPayloadBytes = 128;

        private readonly int[] _helperIds;
        private readonly HelperGrant _grant;
        private readonly PinGrant[] _pins;
        private readonly SensorGrant[] _sensors;
        private readonly string[] _topics;
        private readonly string[] _coapPaths;
        private readonly I2cGrant[] _i2c;
        private readonly PeripheralGrants _peripherals;

        /// <param name="i2c">The I2C devices the tenant may claim; null: none.</param>
        /// <param name="peripherals">The SPI devices, UARTs, PWM and ADC channels the tenant may claim; null: none.</param>
        /// <param name="signedInvokes">True when invocations from outside must be signed with the tenant's key.</param>
        public TenantPolicy(string tenantId, int[] helperIds, PinGrant[] pins, SensorGrant[] sensors,
            string[] topics, string[] coapPaths, I2cGrant[] i2c, PeripheralGrants peripherals, TenantLimits limits, bool signedInvokes)
        {
            if (tenantId == null || tenantId.Length == 0)
            {
                throw new System.ArgumentException("tenantId");
            }
            if (limits == null)
            {
                throw new System.ArgumentNullException("limits");
            }
            TenantId = tenantId;
            _helperIds = helperIds == null ? new int[0] : helperIds;
            _grant = new HelperGrant(_helperIds);
            _pins = pins == null ? new PinGrant[0] : pins;
            _sensors = sensors == null ? new SensorGrant[0] : sensors;
            _topics = topics == null ? new string[0] : topics;
            _coapPaths = coapPaths == null ? new string[0] : coapPaths;
            _i2c = i2c == null ? new I2cGrant[0] : i2c;
            _peripherals = peripherals;
            Limits = limits;
            SignedInvokes = signedInvokes;
        }

        public string TenantId { get; private set; }

        /// <summary>
        /// Invocations (MQTT invoke topic, CoAP /invoke) must carry a COSE_Sign1 of the tenant's key
        /// over device, tenant, slot, a counter and the payload digest; anything else is refused.
        /// </summary>
        public bool SignedInvokes { get; private set; }

        public TenantLimits Limits { get; private set; }

        /// <summary>The granted helper set the VM checks at every call.</summary>
        public HelperGrant Grant { get { return _grant; } }

        public int[] HelperIds
        {
            get
            {
                int[] copy = new int[_helperIds.Length];
                System.Array.Copy(_helperIds, copy, copy.Length);
                return copy;
            }
        }

        public int PinCount { get { return _pins.Length; } }

        public PinGrant PinAt(int index)
        {
            return _pins[index];
        }

        public int SensorCount { get { return _sensors.Length; } }

        public SensorGrant SensorAt(int index)
        {
            return _sensors[index];
        }

        public int TopicCount { get { return _topics.Length; } }

        public string TopicAt(int index)
        {
            return _topics[index];
        }

        public int CoapPathCount { get { return _coapPaths.Length; } }

        public string CoapPathAt(int index)
        {
            return _coapPaths[index];
        }

        public int I2cGrantCount { get { return _i2c.Length; } }

        public I2cGrant I2cGrantAt(int index)
        {
            return _i2c[index];
        }

        /// <summary>The grant covering an I2C device's bus and address, or null.</summary>
        public I2cGrant FindI2cGrant(I2cDevice device)
        {
            for (int i = 0; i < _i2c.Length; i++)
            {
                if (_i2c[i].Covers(device))
                {
                    return _i2c[i];
                }
            }
            return null;
        }

        /// <summary>SPI, UART, PWM and ADC grants (<see cref="PeripheralGrants.None"/> when there are none).</summary>
        public PeripheralGrants Peripherals { get { return _peripherals == null ? PeripheralGrants.None : _peripherals; } }

        /// <summary>The grants as held: null when the policy has none (they take no heap).</summary>
        public PeripheralGrants GrantedPeripherals { get { return _peripherals; } }

        /// <summary>The grant for a pin, or null.</summary>
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

        /// <summary>The grant for a sensor name, or null.</summary>
        public SensorGrant FindSensor(string name)
        {
            for (int i = 0; i < _sensors.Length; i++)
            {
                if (_sensors[i].Name == name)
                {
                    return _sensors[i];
                }
            }
            return null;
        }

        /// <summary>True when some granted topic filter matches the concrete topic.</summary>
        public bool AllowsTopic(string topic)
        {
            return AllowsTopic(topic, 0);
        }

        /// <summary>True when some granted filter matches the topic that starts at <paramref name="start"/> (after a prefix).</summary>
        public bool AllowsTopic(string topic, int start)
        {
            for (int i = 0; i < _topics.Length; i++)
            {
                if (TopicFilter.Matches(_topics[i], topic, start))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>True when a subscription filter lies inside some granted filter.</summary>
        public bool AllowsTopicFilter(string filter)
        {
            for (int i = 0; i < _topics.Length; i++)
            {
                if (TopicFilter.Covers(_topics[i], filter))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>True when the CoAP path starts with a granted prefix.</summary>
        public bool AllowsCoapPath(string path)
        {
            for (int i = 0; i < _coapPaths.Length; i++)
            {
                if (path.StartsWith(_coapPaths[i]))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>A tenant's budgets. Every value is positive; the parser enforces it.</summary>
    public sealed class TenantLimits
    {
        public int MaxContainers;
        public int MaxImageBytes;
        /// <summary>Managed bytes all the tenant's containers may hold (stack, context, queues, data, stores).</summary>
        public int RamBytes;
        public int InstructionsPerRun;
        public int BranchesPerRun;
        public int RunsPerSecond;
        /// <summary>
        /// Runs per second each container may get from outside the board (MQTT, CoAP, invocations),
        /// apart from <see cref="RunsPerSecond"/>; defaults to it.
        /// </summary>
        public int OutsideRunsPerSecond;
        public int HelperCallsPerSecond;
        public int LocalStoreCapacity = TenantPolicy.DefaultLocalStoreCapacity;
        public int GlobalStoreCapacity = TenantPolicy.DefaultGlobalStoreCapacity;
        public int EventQueueDepth = TenantPolicy.DefaultEventQueueDepth;
        public int PayloadBytes = TenantPolicy.DefaultPayloadBytes;
    }
}
