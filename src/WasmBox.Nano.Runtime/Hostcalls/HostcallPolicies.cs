using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Hostcalls
{
    /// <summary>
    /// The board owner's policy programs, indexed by the helper ids they decide. Helper dispatch
    /// asks <see cref="ChainOf"/> (an array read; null when no policy decides that helper) and
    /// only then <see cref="Denies"/>. Install and remove swap in new arrays, so dispatch reads
    /// a consistent snapshot without a lock. Denials and faults are reported as runtime events,
    /// at most one of each kind per policy and second.
    /// </summary>
    public sealed class HostcallPolicies
    {
        /// <summary>Most policies a board holds.</summary>
        public const int MaxPolicies = 16;

        private readonly RuntimeServices _services;
        private readonly RuntimeMonitor _monitor;
        private readonly object _change = new object();
        private HostcallPolicy[] _installed = new HostcallPolicy[0];
        // Null while no policy is installed: on the device the 256-entry table costs ≈3 KB of heap
        // (12 bytes per reference), which a board without policies should not pay.
        private HostcallPolicy[][] _chains;
        private long[] _reportedSecond = new long[0];

        internal HostcallPolicies(RuntimeServices services, RuntimeMonitor monitor)
        {
            _services = services;
            _monitor = monitor;
            WallClock = services.Clock as IWallClock;
        }

        /// <summary>Where policies read the time of day; defaults to the board clock when it is one.</summary>
        public IWallClock WallClock { get; set; }

        /// <summary>The installed policies, in install order (a copy).</summary>
        public HostcallPolicy[] Installed
        {
            get
            {
                HostcallPolicy[] now = _installed;
                HostcallPolicy[] copy = new HostcallPolicy[now.Length];
                System.Array.Copy(now, copy, now.Length);
                return copy;
            }
        }

        public HostcallPolicy Find(string name)
        {
            HostcallPolicy[] now = _installed;
            int at = IndexOf(now, name);
            return at < 0 ? null : now[at];
        }

        /// <summary>
        /// Checks and installs a policy, replacing the one with its name (with a fresh store).
        /// Returns null, or one sentence saying why nothing changed. Anti-rollback is the installer's.
        /// </summary>
        public string Install(PolicyDefinition definition)
        {
            VmProgram program;
            string refusal = PolicyCheck.Check(definition, out program);
            if (refusal != null)
            {
                return refusal;
            }
            HostcallPolicy policy = new HostcallPolicy(definition, program, _services);
            lock (_change)
            {
                int at = IndexOf(_installed, policy.Name);
                HostcallPolicy[] next;
                if (at >= 0)
                {
                    next = Copy(_installed, _installed.Length);
                    next[at] = policy;
                }
                else
                {
                    if (_installed.Length >= MaxPolicies)
                    {
                        return "the board holds " + MaxPolicies + " policies already";
                    }
                    next = Copy(_installed, _installed.Length + 1);
                    next[_installed.Length] = policy;
                }
                Publish(next);
                return null;
            }
        }

        /// <summary>Removes the policy called <paramref name="name"/>; false when there is none.</summary>
        public bool Remove(string name)
        {
            lock (_change)
            {
                int at = IndexOf(_installed, name);
                if (at < 0)
                {
                    return false;
                }
                HostcallPolicy[] next = new HostcallPolicy[_installed.Length - 1];
                for (int i = 0, j = 0; i < _installed.Length; i++)
                {
                    if (i != at)
                    {
                        next[j++] = _installed[i];
                    }
                }
                Publish(next);
                return true;
            }
        }

        /// <summary>The policies deciding <paramref name="helperId"/>, or null: the no-policy path's only cost.</summary>
        internal HostcallPolicy[] ChainOf(int helperId)
        {
            HostcallPolicy[][] chains = _chains;
            return chains == null ? null : chains[helperId];
        }

        /// <summary>
        /// Runs the chain's policies that apply to the caller's tenant, in install order; the first
        /// that does not allow decides. True (with the caller's r0 in <paramref name="result"/>) when denied.
        /// </summary>
        internal bool Denies(HostcallPolicy[] chain, Container caller, WasmBox.Nano.Vm.Vm callerVm, int helperId,
            ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            long nowMs = _services.Clock.NowMs;
            IWallClock wall = WallClock;
            long wallSeconds = wall == null ? 0 : wall.UnixSeconds;
            for (int i = 0; i < chain.Length; i++)
            {
                HostcallPolicy policy = chain[i];
                if (!policy.AppliesTo(caller.Tenant.Id))
                {
                    continue;
                }
                PolicyVerdict verdict = policy.Decide(caller, callerVm, helperId, r1, r2, r3, r4, r5, nowMs, wallSeconds, out result);
                if (verdict != PolicyVerdict.Allow)
                {
                    Report(policy, verdict, caller, helperId, result, nowMs);
                    return true;
                }
            }
            result = 0;
            return false;
        }

        private void Report(HostcallPolicy policy, PolicyVerdict verdict, Container caller, int helperId, ulong result, long nowMs)
        {
            long second = nowMs / 1000;
            int slot = IndexOf(_installed, policy.Name) * 2 + (verdict == PolicyVerdict.Fault ? 1 : 0);
            lock (_change)
            {
                if (slot < 0 || slot >= _reportedSecond.Length || _reportedSecond[slot] == second + 1)
                {
                    return;
                }
                // Stored as second + 1 so that 0 means "never".
                _reportedSecond[slot] = second + 1;
            }
            string what = HelperIds.Describe(helperId);
            string detail = verdict == PolicyVerdict.Fault
                ? "policy " + policy.Name + " failed (" + VmStatusText.Describe(policy.LastStatus) + " at instruction "
                    + policy.LastFaultIndex + "): " + what + " denied, fail closed (" + policy.Faulted + " so far)"
                : "policy " + policy.Name + " denied " + what + " with " + (long)result + " (" + policy.Denied + " so far)";
            _monitor.Raise(new RuntimeEvent(verdict == PolicyVerdict.Fault ? RuntimeEventKind.PolicyFault : RuntimeEventKind.PolicyDenied,
                nowMs, caller.Tenant.Id, caller.Name, caller.Id, caller.State,
                verdict == PolicyVerdict.Fault ? policy.LastStatus : VmStatus.Ok, AnomalyKind.None, detail));
        }

        private void Publish(HostcallPolicy[] next)
        {
            HostcallPolicy[][] chains = next.Length == 0 ? null : new HostcallPolicy[HelperTable.MaxId + 1][];
            for (int id = 0; chains != null && id <= HelperTable.MaxId; id++)
            {
                int n = 0;
                for (int i = 0; i < next.Length; i++)
                {
                    n += next[i].Decides(id) ? 1 : 0;
                }
                if (n == 0)
                {
                    continue;
                }
                HostcallPolicy[] chain = new HostcallPolicy[n];
                for (int i = 0, j = 0; i < next.Length; i++)
                {
                    if (next[i].Decides(id))
                    {
                        chain[j++] = next[i];
                    }
                }
                chains[id] = chain;
            }
            _reportedSecond = new long[next.Length * 2];
            _chains = chains;
            _installed = next;
        }

        private static HostcallPolicy[] Copy(HostcallPolicy[] from, int length)
        {
            HostcallPolicy[] to = new HostcallPolicy[length];
            System.Array.Copy(from, to, from.Length);
            return to;
        }

        private static int IndexOf(HostcallPolicy[] policies, string name)
        {
            for (int i = 0; i < policies.Length; i++)
            {
                if (policies[i].Name == name)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
