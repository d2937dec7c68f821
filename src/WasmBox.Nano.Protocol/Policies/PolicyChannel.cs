using System.Collections;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Update;
using WasmBox.Nano.Update.Policies;

namespace WasmBox.Nano.Protocol.Policies
{
    /// <summary>Hears about every policy install, replacement, removal and refusal, from any transport.</summary>
    public interface IPolicyListener
    {
        void OnPolicy(PolicyResult result);
    }

    /// <summary>
    /// The board owner's policy operations independent of transport (README.md, "Hostcall
    /// policies"): a signed policy bundle or removal in, a <see cref="PolicyResult"/> out, and the
    /// installed list. The MQTT and CoAP adapters are thin layers over it; the installer serialises changes.
    /// </summary>
    public sealed class PolicyChannel
    {
        private readonly PolicyInstaller _installer;
        private readonly int _maxBytes;
        private readonly ArrayList _listeners = new ArrayList();

        /// <param name="maxBytes">Largest signed policy taken; anything bigger is refused unread.</param>
        public PolicyChannel(PolicyInstaller installer, int maxBytes)
        {
            if (installer == null)
            {
                throw new System.ArgumentNullException("installer");
            }
            _installer = installer;
            _maxBytes = maxBytes;
        }

        /// <summary>
        /// A booting board's channel (the firmware's and the simulated device's alike): an installer over
        /// the drive with the policies kept there reinstalled, taking signed policies up to a bundle's size.
        /// </summary>
        /// <param name="ownerKey">The owner's public point, or null: every policy is then refused.</param>
        /// <param name="bootProblems">One line per kept policy that could not be reinstalled.</param>
        public static PolicyChannel Boot(WasmBoxRuntime runtime, IStorage storage, byte[] ownerKey, out string[] bootProblems)
        {
            PolicyInstaller installer = new PolicyInstaller(runtime, storage, ownerKey);
            bootProblems = installer.Boot();
            return new PolicyChannel(installer, BundleReader.MaxBundleBytes);
        }

        public int MaxBytes { get { return _maxBytes; } }

        /// <summary>The installed policies, in install order (a snapshot).</summary>
        public HostcallPolicy[] Installed { get { return _installer.Installed; } }

        public void AddListener(IPolicyListener listener)
        {
            lock (_listeners)
            {
                _listeners.Add(listener);
            }
        }

        public void RemoveListener(IPolicyListener listener)
        {
            lock (_listeners)
            {
                _listeners.Remove(listener);
            }
        }

        /// <summary>Installs, replaces or removes what the signed bytes carry; every refusal changes nothing.</summary>
        public PolicyResult Deploy(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                buffer = new byte[0]; // an empty message: the reader refuses it as malformed
                offset = 0;
                count = 0;
            }
            PolicyResult result = count > _maxBytes ? TooLarge(count) : _installer.Deploy(buffer, offset, count);
            Notify(result);
            return result;
        }

        /// <summary>The refusal for a message of <paramref name="length"/> bytes that was too large to read.</summary>
        public PolicyResult TooLarge(int length)
        {
            PolicyResult r = new PolicyResult();
            r.Refusal = UpdateRefusal.TooLarge;
            r.Reason = "a policy of " + length + " bytes is larger than the " + _maxBytes + " the board takes";
            return r;
        }

        private void Notify(PolicyResult result)
        {
            object[] listeners;
            lock (_listeners)
            {
                listeners = _listeners.ToArray();
            }
            for (int i = 0; i < listeners.Length; i++)
            {
                ((IPolicyListener)listeners[i]).OnPolicy(result);
            }
        }
    }
}
