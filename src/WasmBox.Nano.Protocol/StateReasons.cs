using System.Collections;
using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Protocol
{
    /// <summary>
    /// Why each container is in its state, from the monitor's events (a quarantine's rule and
    /// detail, a stop), for the retained state document. Events arrive on container threads: the
    /// lock here is private and never held while calling out.
    /// </summary>
    public sealed class StateReasons
    {
        private readonly object _gate = new object();
        private readonly ArrayList _reasons = new ArrayList();

        /// <summary>Records the event's reason; true when it changed a container's state (the retained state is stale).</summary>
        public bool Record(RuntimeEvent e)
        {
            if (e.Kind != RuntimeEventKind.Quarantined && e.Kind != RuntimeEventKind.StateChanged)
            {
                return false;
            }
            lock (_gate)
            {
                Reason entry = Find(e.ContainerId);
                if (entry == null)
                {
                    entry = new Reason();
                    entry.ContainerId = e.ContainerId;
                    _reasons.Add(entry);
                }
                entry.Text = e.Detail;
            }
            return true;
        }

        /// <summary>The "online" state document with each function's reason; forgets containers no longer installed.</summary>
        public byte[] Online(string deviceId, string runtimeVersion, long uptimeMs, InstalledFunction[] installed)
        {
            lock (_gate)
            {
                for (int i = _reasons.Count - 1; i >= 0; i--)
                {
                    if (!IsInstalled(installed, ((Reason)_reasons[i]).ContainerId))
                    {
                        _reasons.RemoveAt(i);
                    }
                }
                return ProtocolJson.Online(deviceId, runtimeVersion, uptimeMs, installed, this);
            }
        }

        /// <summary>The last reason recorded for the container, or null; called by <see cref="Online"/> under its lock.</summary>
        internal string ReasonFor(int containerId)
        {
            Reason entry = Find(containerId);
            return entry == null ? null : entry.Text;
        }

        private Reason Find(int containerId)
        {
            for (int i = 0; i < _reasons.Count; i++)
            {
                Reason entry = (Reason)_reasons[i];
                if (entry.ContainerId == containerId)
                {
                    return entry;
                }
            }
            return null;
        }

        private static bool IsInstalled(InstalledFunction[] installed, int containerId)
        {
            for (int i = 0; i < installed.Length; i++)
            {
                if (installed[i].Container != null && installed[i].Container.Id == containerId)
                {
                    return true;
                }
            }
            return false;
        }

        private sealed class Reason
        {
            public int ContainerId;
            public string Text;
        }
    }
}
