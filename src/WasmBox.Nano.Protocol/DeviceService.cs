using System.Collections;
using WasmBox.Nano.Protocol.Policies;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Protocol
{
    /// <summary>What a transport asked the device to change: a bundle or a signed command.</summary>
    public enum UpdateOperation
    {
        Deploy = 0,
        Remove = 1,
        Rollback = 2,
    }

    /// <summary>Hears about every update operation, from any transport (to republish state, raise events).</summary>
    public interface IUpdateListener
    {
        void OnUpdate(UpdateOperation operation, UpdateResult result);
    }

    /// <summary>
    /// The device's deployment protocol independent of transport: deploy, signed remove/rollback,
    /// invoke and attestation, one at a time (MQTT and CoAP handlers run on different threads and
    /// the update manager changes storage and the runtime). MQTT and CoAP agents are thin adapters over it.
    /// </summary>
    public sealed class DeviceService
    {
        /// <summary>Largest invocation payload; a tenant's payloadBytes limit may cut it further.</summary>
        public const int DefaultMaxInvokeBytes = 1024;

        private readonly object _sync = new object();
        private readonly ArrayList _listeners = new ArrayList();
        private readonly UpdateManager _updates;
        private readonly FunctionInvoker _invoker;
        private readonly SignedInvokes _signedInvokes;
        private readonly Attestor _attestor;

        /// <param name="attestor">Answers attestation challenges; null when the device has no key.</param>
        public DeviceService(string deviceId, string runtimeVersion, WasmBoxRuntime runtime, UpdateManager updates, Attestor attestor)
        {
            if (runtime == null || updates == null)
            {
                throw new System.ArgumentNullException(runtime == null ? "runtime" : "updates");
            }
            Topics = new DeviceTopics(deviceId);
            RuntimeVersion = runtimeVersion;
            Runtime = runtime;
            _updates = updates;
            _attestor = attestor;
            _invoker = new FunctionInvoker(runtime, DefaultMaxInvokeBytes);
            _signedInvokes = new SignedInvokes(deviceId, updates.Keys, updates.Storage);
            MaxInvokeBytes = DefaultMaxInvokeBytes;
        }

        public string DeviceId { get { return Topics.DeviceId; } }

        public DeviceTopics Topics { get; private set; }

        public string RuntimeVersion { get; private set; }

        public WasmBoxRuntime Runtime { get; private set; }

        /// <summary>
        /// The board owner's policy channel (Policies/); set before the agents start. Null: the board
        /// offers no policy topic or resource.
        /// </summary>
        public PolicyChannel Policies { get; set; }

        public int MaxBundleBytes { get { return _updates.MaxBundleBytes; } }

        /// <summary>Largest signed remove/rollback command.</summary>
        public int MaxCommandBytes { get { return _updates.MaxCommandBytes; } }

        public int MaxInvokeBytes { get; private set; }

        /// <summary>Largest invocation message: the payload, plus a signed invocation's envelope.</summary>
        public int MaxInvokeMessageBytes { get { return MaxInvokeBytes + SignedInvokeCodec.MaxOverheadBytes; } }

        public void AddListener(IUpdateListener listener)
        {
            lock (_listeners)
            {
                _listeners.Add(listener);
            }
        }

        public void RemoveListener(IUpdateListener listener)
        {
            lock (_listeners)
            {
                _listeners.Remove(listener);
            }
        }

        /// <summary>The installed functions, a snapshot.</summary>
        public InstalledFunction[] Installed
        {
            get
            {
                lock (_sync)
                {
                    return _updates.Installed;
                }
            }
        }

        /// <summary>Installs or updates from a signed bundle (the update manager checks its size first).</summary>
        public UpdateResult Deploy(byte[] buffer, int offset, int count)
        {
            UpdateResult result;
            lock (_sync)
            {
                result = _updates.Deploy(buffer, offset, count);
            }
            Notify(UpdateOperation.Deploy, result);
            return result;
        }

        /// <summary>Executes a signed remove or rollback command; <paramref name="operation"/> is the channel it came on.</summary>
        public UpdateResult Execute(UpdateOperation operation, byte[] buffer, int offset, int count)
        {
            UpdateResult result;
            lock (_sync)
            {
                result = _updates.Execute(buffer, offset, count);
            }
            Notify(operation, result);
            return result;
        }

        /// <summary>
        /// Runs the function at tenant/slot once with the payload (see <see cref="FunctionInvoker"/>).
        /// When the tenant's policy asks for signed invocations, <paramref name="payload"/> is the
        /// signed message and only the payload inside it runs, after <see cref="SignedInvokes"/> accepted it.
        /// </summary>
        public InvokeResult Invoke(string tenant, int slot, byte[] payload, int length)
        {
            lock (_sync)
            {
                if (length > MaxInvokeMessageBytes)
                {
                    return InvokeResult.Refused(tenant, slot, InvokeRefusal.TooLarge);
                }
                InstalledFunction function = Find(_updates.Installed, tenant, slot);
                if (function == null)
                {
                    return InvokeResult.Refused(tenant, slot, InvokeRefusal.NoSuchFunction);
                }
                int offset = 0;
                if (function.Container.Tenant.Policy.SignedInvokes)
                {
                    string reason;
                    InvokeCheck check = _signedInvokes.Check(tenant, slot, payload, length, out offset, out length, out reason);
                    if (check != InvokeCheck.Accepted)
                    {
                        return InvokeResult.Refused(tenant, slot, check, reason);
                    }
                }
                if (length > MaxInvokeBytes)
                {
                    return InvokeResult.Refused(tenant, slot, InvokeRefusal.TooLarge);
                }
                return _invoker.Invoke(function, payload, offset, length);
            }
        }

        /// <summary>The last signed-invocation counter tenant/slot accepted (0 when none, -1 when unreadable).</summary>
        public long LastInvokeCounter(string tenant, int slot)
        {
            lock (_sync)
            {
                return _signedInvokes.LastCounter(tenant, slot);
            }
        }

        /// <summary>
        /// The signed attestation report for the challenge; null, with the reason, when the device
        /// has no key or the nonce is not 8 to 64 bytes.
        /// </summary>
        public byte[] Attest(byte[] nonce, out string problem)
        {
            if (_attestor == null)
            {
                problem = "the device has no attestation key";
                return null;
            }
            problem = AttestationReport.CheckNonce(nonce);
            if (problem != null)
            {
                return null;
            }
            lock (_sync)
            {
                return _attestor.Report(nonce);
            }
        }

        public static InstalledFunction Find(InstalledFunction[] installed, string tenant, int slot)
        {
            for (int i = 0; i < installed.Length; i++)
            {
                if (installed[i].Slot == slot && installed[i].Tenant == tenant)
                {
                    return installed[i];
                }
            }
            return null;
        }

        private void Notify(UpdateOperation operation, UpdateResult result)
        {
            object[] listeners;
            lock (_listeners)
            {
                listeners = _listeners.ToArray();
            }
            for (int i = 0; i < listeners.Length; i++)
            {
                ((IUpdateListener)listeners[i]).OnUpdate(operation, result);
            }
        }
    }
}
