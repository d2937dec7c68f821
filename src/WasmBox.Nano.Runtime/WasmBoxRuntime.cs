using System.Collections;
using System.Threading;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime
{
    /// <summary>
    /// The multi-tenant runtime: provisions tenants, installs verified programs as containers
    /// on hooks, delivers events to them (synchronously with <see cref="Dispatch"/>, or
    /// through each container's queue and thread once <see cref="StartThreads"/> ran), and
    /// quarantines containers the monitor flags. Board events (pin edges, MQTT messages,
    /// timers via <see cref="Tick"/>) arrive through the same paths.
    /// </summary>
    public sealed class WasmBoxRuntime
    {
        private readonly object _sync = new object();
        private readonly object _dispatchLock = new object();
        private readonly ArrayList _tenants = new ArrayList();
        private readonly ArrayList _containers = new ArrayList();
        private readonly PinTable _pins = new PinTable();
        private readonly HookRegistry _hooks;
        private HookEvent _syncEvent = new HookEvent(TenantPolicy.DefaultPayloadBytes);
        private int _nextId = 1;
        private bool _threaded;
        private Thread _ticker;
        private bool _tickerExit;
        private int _tickInterval;

        /// <param name="board">The board (real adapter or simulator).</param>
        /// <param name="transport">MQTT-style messaging, or null.</param>
        /// <param name="settings">Anomaly thresholds, or null for the defaults.</param>
        public WasmBoxRuntime(IBoard board, IMessageTransport transport, MonitorSettings settings)
        {
            Services = new RuntimeServices(board, transport);
            Monitor = new RuntimeMonitor(settings);
            Services.Policies = new HostcallPolicies(Services, Monitor);
            _hooks = new HookRegistry(this);
        }

        public RuntimeServices Services { get; private set; }

        public RuntimeMonitor Monitor { get; private set; }

        /// <summary>True once <see cref="StartThreads"/> ran: events go through queues and threads.</summary>
        public bool Threaded { get { return _threaded; } }

        // ---------------------------------------------------------------- tenants

        /// <summary>
        /// Adds a tenant, or replaces the policy of one that has no containers. Returns null,
        /// or why not (duplicate with containers, a pin another tenant drives).
        /// </summary>
        public string Provision(TenantPolicy policy)
        {
            if (policy == null)
            {
                throw new System.ArgumentNullException("policy");
            }
            lock (_sync)
            {
                Tenant existing = FindTenant(policy.TenantId);
                if (existing != null && existing.ContainerCount > 0)
                {
                    return "tenant '" + policy.TenantId + "' has containers; remove them before changing its policy";
                }
                string conflict = PinConflict(policy);
                if (conflict != null)
                {
                    return conflict;
                }
                if (existing != null)
                {
                    _tenants.Remove(existing);
                }
                _tenants.Add(new Tenant(policy));
                if (policy.Limits.PayloadBytes > _syncEvent.Payload.Length)
                {
                    _syncEvent = new HookEvent(policy.Limits.PayloadBytes);
                }
                return null;
            }
        }

        /// <summary>Provisions every tenant of a parsed document; null, or the first refusal.</summary>
        public string Provision(TenantPolicy[] policies)
        {
            for (int i = 0; i < policies.Length; i++)
            {
                string refusal = Provision(policies[i]);
                if (refusal != null)
                {
                    return refusal;
                }
            }
            return null;
        }

        public Tenant FindTenant(string id)
        {
            lock (_sync)
            {
                for (int i = 0; i < _tenants.Count; i++)
                {
                    Tenant t = (Tenant)_tenants[i];
                    if (t.Id == id)
                    {
                        return t;
                    }
                }
                return null;
            }
        }

        public Tenant[] Tenants
        {
            get
            {
                lock (_sync)
                {
                    Tenant[] all = new Tenant[_tenants.Count];
                    _tenants.CopyTo(all);
                    return all;
                }
            }
        }

        // ---------------------------------------------------------------- containers

        /// <summary>
        /// Verifies <paramref name="code"/> against the runtime's helpers, checks the
        /// manifest's needs against the tenant's grant, and installs the container (state
        /// Installed; call <see cref="Start"/> to let it receive events).
        /// </summary>
        public InstallResult Install(string tenantId, ContainerManifest manifest, byte[] code)
        {
            InstallResult result = TryInstall(tenantId, manifest, code);
            long now = Services.Clock.NowMs;
            string name = manifest == null ? null : manifest.Name;
            if (result.Ok)
            {
                Container c = result.Container;
                Monitor.Raise(new RuntimeEvent(RuntimeEventKind.Installed, now, tenantId, name, c.Id, c.State,
                    VmStatus.Ok, AnomalyKind.None, "installed (" + c.RamBytes + " bytes estimated)"));
            }
            else
            {
                Monitor.Raise(new RuntimeEvent(RuntimeEventKind.InstallRefused, now, tenantId, name, -1,
                    ContainerState.Removed, VmStatus.Ok, AnomalyKind.None, result.Reason));
            }
            return result;
        }

        private InstallResult TryInstall(string tenantId, ContainerManifest manifest, byte[] code)
        {
            string manifestError = ManifestError(manifest);
            if (manifestError != null)
            {
                return InstallResult.Refused(InstallError.BadManifest, manifestError);
            }
            lock (_sync)
            {
                Tenant tenant = FindTenant(tenantId);
                if (tenant == null)
                {
                    return InstallResult.Refused(InstallError.UnknownTenant, "tenant '" + tenantId + "' is not provisioned");
                }
                if (Find(tenantId, manifest.Name) != null)
                {
                    return InstallResult.Refused(InstallError.NameInUse,
                        "tenant '" + tenantId + "' already has a container named '" + manifest.Name + "'");
                }
                int imageBytes = (code == null ? 0 : code.Length)
                    + (manifest.Data == null ? 0 : manifest.Data.Length) + manifest.BssSize
                    + (manifest.Rodata == null ? 0 : manifest.Rodata.Length);
                InstallResult tooLarge = InstallChecker.CheckImageSize(tenant, imageBytes);
                if (tooLarge != null)
                {
                    return tooLarge;
                }
                VerifierOptions options = new VerifierOptions();
                options.Helpers = HelperCatalog.VerificationTable;
                options.MaxInstructions = tenant.Policy.Limits.MaxImageBytes / 8;
                VerifyResult verify = Verifier.Verify(code, options);
                if (!verify.Ok)
                {
                    return new InstallResult(null, InstallError.VerifyFailed, "verifier: " + verify.Message, verify);
                }
                if (!verify.Program.IsEntryPoint(manifest.Entry))
                {
                    return InstallResult.Refused(InstallError.BadManifest,
                        "entry point " + manifest.Entry + " is not an instruction of the program");
                }
                int sensors = Services.Sensors == null ? 0 : Services.Sensors.Count;
                int ram = RamEstimate.Of(manifest, verify.Program, tenant.Policy.Limits, tenant.Id, sensors, Monitor.Settings,
                    Services.AppTopicPrefix.Length);
                InstallResult refusal = InstallChecker.Check(tenant, manifest, verify.Program, ram, Services);
                if (refusal == null)
                {
                    refusal = BusClaims.Check(tenant, manifest, _containers);
                }
                if (refusal == null)
                {
                    refusal = InstallChecker.CheckBoard(ram, ContainerRamBytes, _containers.Count, ReserveBytes,
                        Services.Board.HeapBudgetBytes);
                }
                if (refusal != null)
                {
                    return refusal;
                }
                if (manifest.Pins.Length > 0 && !_pins.Acquire(Services.Gpio, manifest.Pins))
                {
                    return InstallResult.Refused(InstallError.PinUnsupported, "the board refused to open a declared pin");
                }
                Container c = new Container(this, _nextId++, tenant, manifest, verify.Program, ram);
                tenant.AddContainer(ram);
                _containers.Add(c);
                for (int i = 0; i < manifest.Hooks.Length; i++)
                {
                    if (manifest.Hooks[i].Kind != HookKind.Install)
                    {
                        _hooks.Subscribe(c, manifest.Hooks[i]);
                    }
                }
                return new InstallResult(c, InstallError.None, null, verify);
            }
        }

        /// <summary>
        /// The runtime's own reserve inside the board's heap budget: what its provisioned
        /// tenants hold (<see cref="RamEstimate.OfTenant"/>). Its fixed core is part of the
        /// hardware profile's runtimeReserveBytes, outside the budget.
        /// </summary>
        public int ReserveBytes
        {
            get
            {
                lock (_sync)
                {
                    int bytes = 0;
                    for (int i = 0; i < _tenants.Count; i++)
                    {
                        bytes += RamEstimate.OfTenant(((Tenant)_tenants[i]).Policy);
                    }
                    return bytes;
                }
            }
        }

        /// <summary>The estimates of every installed container (what the board budget check adds up).</summary>
        public int ContainerRamBytes
        {
            get
            {
                lock (_sync)
                {
                    int bytes = 0;
                    for (int i = 0; i < _containers.Count; i++)
                    {
                        bytes += ((Container)_containers[i]).RamBytes;
                    }
                    return bytes;
                }
            }
        }

        private static string ManifestError(ContainerManifest m)
        {
            if (m == null)
            {
                return "manifest is missing";
            }
            if (m.Name == null || PolicyParser.ValidateName(m.Name) != null)
            {
                return "container name must be 1 to 32 characters of a-z, 0-9, '-' and '_'";
            }
            if (m.Hooks == null || m.Pins == null || m.Sensors == null)
            {
                return "hooks, pins and sensors must not be null";
            }
            if (m.BssSize < 0)
            {
                return "bss size must not be negative";
            }
            if (m.StackFrames < 1 || m.StackFrames > ContainerManifest.MaxStackFrames)
            {
                return "stack frames must be between 1 and " + ContainerManifest.MaxStackFrames;
            }
            for (int i = 0; i < m.Hooks.Length; i++)
            {
                for (int k = 0; k < i; k++)
                {
                    HookBinding a = m.Hooks[i];
                    if (a.SameHook(m.Hooks[k].Kind, m.Hooks[k].Parameter, m.Hooks[k].Filter))
                    {
                        return "hook " + a + " is declared twice";
                    }
                }
            }
            return null;
        }

        /// <summary>The container of a tenant by name, or null.</summary>
        public Container Find(string tenantId, string name)
        {
            lock (_sync)
            {
                for (int i = 0; i < _containers.Count; i++)
                {
                    Container c = (Container)_containers[i];
                    if (c.Name == name && c.Tenant.Id == tenantId)
                    {
                        return c;
                    }
                }
                return null;
            }
        }

        /// <summary>Every installed container in install order.</summary>
        public Container[] Containers
        {
            get
            {
                lock (_sync)
                {
                    Container[] all = new Container[_containers.Count];
                    _containers.CopyTo(all);
                    return all;
                }
            }
        }

        /// <summary>
        /// Lets the container receive events (from Installed, Stopped, or Quarantined — the
        /// owner's release, which also resets its anomaly history). The first start delivers
        /// the install hook to it alone. False when removed or already running.
        /// </summary>
        public bool Start(Container c)
        {
            lock (_sync)
            {
                if (c.State == ContainerState.Running || c.State == ContainerState.Removed)
                {
                    return false;
                }
                if (c.State == ContainerState.Quarantined)
                {
                    c.Health.Reset();
                }
                SetState(c, ContainerState.Running, "started");
                if (_threaded)
                {
                    c.StartWorker();
                }
            }
            if (c.TakeInstallEvent() && DeclaresHook(c, HookKind.Install))
            {
                DeliverTo(c, HookKind.Install, 0, 0, Services.Clock.NowMs, null, null, 0);
            }
            return true;
        }

        /// <summary>Stops event delivery and the container's thread; queued events are dropped.</summary>
        public bool Stop(Container c)
        {
            lock (_sync)
            {
                if (c.State != ContainerState.Running && c.State != ContainerState.Quarantined)
                {
                    return false;
                }
                SetState(c, ContainerState.Stopped, "stopped");
            }
            c.Queue.Clear();
            c.StopWorker();
            return true;
        }

        /// <summary>Removes the container: off its hooks, its pins released, its RAM returned to the tenant.</summary>
        public bool Remove(Container c)
        {
            lock (_sync)
            {
                if (c.State == ContainerState.Removed)
                {
                    return false;
                }
                SetState(c, ContainerState.Removed, "removed");
                _hooks.Unsubscribe(c);
                if (c.Manifest.Pins.Length > 0)
                {
                    _pins.Release(Services.Gpio, c.Manifest.Pins);
                }
                c.Tenant.RemoveContainer(c.RamBytes);
                _containers.Remove(c);
            }
            c.Queue.Clear();
            c.StopWorker();
            return true;
        }

        /// <summary>Stops a container from receiving events because a monitor rule fired.</summary>
        public void Quarantine(Container c, AnomalyKind anomaly, string detail)
        {
            lock (_sync)
            {
                if (c.State != ContainerState.Running)
                {
                    return;
                }
                c.Health.LastAnomaly = anomaly;
                c.State = ContainerState.Quarantined;
            }
            c.Queue.Clear();
            Monitor.Raise(new RuntimeEvent(RuntimeEventKind.Quarantined, Services.Clock.NowMs, c.Tenant.Id, c.Name,
                c.Id, ContainerState.Quarantined, c.LastStatus, anomaly, detail));
        }

        // ---------------------------------------------------------------- hooks and events

        /// <summary>The board owner's order policy for a hook; the hook is kept even while it has no containers.</summary>
        public void SetHookPolicy(HookKind kind, int parameter, string filter, HookPolicy policy)
        {
            lock (_sync)
            {
                _hooks.GetOrCreate(kind, parameter, filter).Policy = policy;
            }
        }

        /// <summary>Current hooks and their members, for views and telemetry.</summary>
        public Hook[] Hooks { get { return _hooks.All; } }

        /// <summary>Delivers the boot hook to running containers.</summary>
        public void Boot()
        {
            DeliverAll(HookKind.Boot, 0, 0, null, null, 0);
        }

        /// <summary>Fires every timer hook that is due on the board clock. Call it often (StartThreads does).</summary>
        public void Tick()
        {
            long now = Services.Clock.NowMs;
            Hook[] hooks = _hooks.All;
            for (int i = 0; i < hooks.Length; i++)
            {
                Hook h = hooks[i];
                if (h.Kind != HookKind.Timer || now < h.NextDueMs)
                {
                    continue;
                }
                h.NextDueMs += h.Parameter;
                if (h.NextDueMs <= now)
                {
                    // Behind by more than a period: skip the missed beats rather than burst.
                    h.NextDueMs = now + h.Parameter;
                }
                Deliver(h, 0, now, null, null, 0);
            }
        }

        /// <summary>
        /// Runs the event now on the calling thread, for every hook that accepts it, each
        /// hook's containers in order under its policy. Returns the number of runs.
        /// Allocation-free when no run faults.
        /// </summary>
        public int Dispatch(HookKind kind, int parameter, string key, byte[] payload, int length)
        {
            int runs = 0;
            Hook[] hooks = _hooks.All;
            for (int i = 0; i < hooks.Length; i++)
            {
                if (hooks[i].Accepts(kind, parameter, key))
                {
                    runs += DispatchHook(hooks[i], 0, Services.Clock.NowMs, key, payload, length);
                }
            }
            return runs;
        }

        /// <summary>
        /// Queues the event for the containers of every accepting hook (their threads run it,
        /// or <see cref="RunPending"/>). Returns how many containers it was queued to.
        /// </summary>
        public int Fire(HookKind kind, int parameter, string key, byte[] payload, int length)
        {
            int queued = 0;
            Hook[] hooks = _hooks.All;
            for (int i = 0; i < hooks.Length; i++)
            {
                if (hooks[i].Accepts(kind, parameter, key))
                {
                    queued += FireHook(hooks[i], 0, Services.Clock.NowMs, key, payload, length);
                }
            }
            return queued;
        }

        /// <summary>Runs every queued event on the calling thread; returns the number of runs.</summary>
        public int RunPending()
        {
            Container[] all = Containers;
            int runs = 0;
            for (int i = 0; i < all.Length; i++)
            {
                runs += all[i].Drain();
            }
            return runs;
        }

        /// <summary>
        /// Answers a CoAP request on <paramref name="path"/> synchronously: the hook's
        /// containers run in order under its policy and the last one that called
        /// gcoap_resp_init provides the response (code, format, the first r0 bytes of its
        /// PDU buffer). False, with 4.04, when no container responded.
        /// </summary>
        public bool HandleCoap(string path, byte[] payload, int length, CoapResponse response)
        {
            response.Code = CoapExchange.NotFound;
            response.Format = -1;
            response.PayloadLength = 0;
            bool answered = false;
            Hook hook = FindAccepting(HookKind.Coap, 0, path);
            if (hook == null)
            {
                return false;
            }
            lock (_dispatchLock)
            {
                HookEvent e = _syncEvent;
                e.Set(HookKind.Coap, 0, 0, Services.Clock.NowMs, path, payload, 0, length);
                Container[] members = hook.Members;
                for (int i = 0; i < members.Length; i++)
                {
                    Container c = members[i];
                    if (!c.Execute(e))
                    {
                        continue;
                    }
                    if (c.LastStatus == VmStatus.Ok && c.Coap != null && c.Coap.Code != 0)
                    {
                        CopyResponse(c, response);
                        answered = true;
                    }
                    if (StopsChain(hook.Policy, c))
                    {
                        break;
                    }
                }
            }
            return answered;
        }

        /// <summary>
        /// Runs one container once, now, with an event of <paramref name="kind"/> on
        /// <paramref name="key"/> (a remote invocation): its budgets, rate limit and the monitor
        /// apply as to any run, and no other container sharing the hook runs. When the container
        /// answered a CoAP event, its reply is copied to <paramref name="response"/> (may be null;
        /// its Code stays 0 when there was no answer).
        /// False when the container did not run (not running, quarantined, rate-limited).
        /// </summary>
        public bool Invoke(Container c, HookKind kind, string key, byte[] payload, int length, CoapResponse response)
        {
            if (c == null)
            {
                throw new System.ArgumentNullException("c");
            }
            lock (_dispatchLock)
            {
                if (response != null)
                {
                    // Code 0: the container gave no CoAP answer (unlike HandleCoap, no 4.04 is made up).
                    response.Code = 0;
                    response.Format = -1;
                    response.PayloadLength = 0;
                }
                HookEvent e = _syncEvent;
                e.Set(kind, 0, 0, Services.Clock.NowMs, key, payload, 0, length);
                if (!c.Execute(e))
                {
                    return false;
                }
                if (response != null && c.LastStatus == VmStatus.Ok && c.Coap != null && c.Coap.Code != 0)
                {
                    CopyResponse(c, response);
                }
                return true;
            }
        }

        /// <summary>Starts one thread per running container and a timer thread calling <see cref="Tick"/> every <paramref name="tickMs"/>.</summary>
        public void StartThreads(int tickMs)
        {
            if (tickMs < 1)
            {
                throw new System.ArgumentOutOfRangeException("tickMs");
            }
            lock (_sync)
            {
                if (_threaded)
                {
                    return;
                }
                _threaded = true;
                for (int i = 0; i < _containers.Count; i++)
                {
                    Container c = (Container)_containers[i];
                    if (c.State == ContainerState.Running)
                    {
                        c.StartWorker();
                    }
                }
                _tickerExit = false;
                _tickInterval = tickMs;
                _ticker = new Thread(TickerLoop);
                _ticker.Start();
            }
        }

        /// <summary>Stops every thread; events are then delivered synchronously again.</summary>
        public void Shutdown()
        {
            Thread ticker;
            lock (_sync)
            {
                if (!_threaded)
                {
                    return;
                }
                _threaded = false;
                _tickerExit = true;
                ticker = _ticker;
                _ticker = null;
            }
            ticker.Join();
            Container[] all = Containers;
            for (int i = 0; i < all.Length; i++)
            {
                all[i].StopWorker();
            }
        }

        private void TickerLoop()
        {
            while (!_tickerExit)
            {
                Tick();
                Thread.Sleep(_tickInterval);
            }
        }

        // ---------------------------------------------------------------- internal paths

        /// <summary>Board events for one hook: queued when threaded, run now otherwise.</summary>
        internal void Deliver(Hook hook, int flags, long timestampMs, string key, byte[] payload, int length)
        {
            if (_threaded)
            {
                FireHook(hook, flags, timestampMs, key, payload, length);
            }
            else
            {
                DispatchHook(hook, flags, timestampMs, key, payload, length);
            }
        }

        private void DeliverAll(HookKind kind, int parameter, int flags, string key, byte[] payload, int length)
        {
            Hook[] hooks = _hooks.All;
            long now = Services.Clock.NowMs;
            for (int i = 0; i < hooks.Length; i++)
            {
                if (hooks[i].Accepts(kind, parameter, key))
                {
                    Deliver(hooks[i], flags, now, key, payload, length);
                }
            }
        }

        private void DeliverTo(Container c, HookKind kind, int parameter, int flags, long now, string key, byte[] payload, int length)
        {
            if (_threaded && c.HasWorker)
            {
                if (c.Queue.Enqueue(kind, parameter, flags, now, key, payload, 0, length, null, -1))
                {
                    c.Signal();
                }
                return;
            }
            lock (_dispatchLock)
            {
                _syncEvent.Set(kind, parameter, flags, now, key, payload, 0, length);
                c.Execute(_syncEvent);
            }
        }

        private int DispatchHook(Hook hook, int flags, long timestampMs, string key, byte[] payload, int length)
        {
            lock (_dispatchLock)
            {
                HookEvent e = _syncEvent;
                e.Set(hook.Kind, hook.Parameter, flags, timestampMs, key, payload, 0, length);
                Container[] members = hook.Members;
                int runs = 0;
                for (int i = 0; i < members.Length; i++)
                {
                    Container c = members[i];
                    if (!c.Execute(e))
                    {
                        continue;
                    }
                    runs++;
                    if (StopsChain(hook.Policy, c))
                    {
                        break;
                    }
                }
                return runs;
            }
        }

        private int FireHook(Hook hook, int flags, long timestampMs, string key, byte[] payload, int length)
        {
            Container[] members = hook.Members;
            if (hook.Policy != HookPolicy.Continue)
            {
                // A chain runs one container at a time: queue to the first, which forwards.
                int first = NextRunning(members, 0);
                if (first < 0)
                {
                    return 0;
                }
                Container head = members[first];
                if (head.Queue.Enqueue(hook.Kind, hook.Parameter, flags, timestampMs, key, payload, 0, length, hook, first))
                {
                    head.Signal();
                    return 1;
                }
                return 0;
            }
            int queued = 0;
            for (int i = 0; i < members.Length; i++)
            {
                Container c = members[i];
                if (c.State == ContainerState.Running
                    && c.Queue.Enqueue(hook.Kind, hook.Parameter, flags, timestampMs, key, payload, 0, length, null, -1))
                {
                    c.Signal();
                    queued++;
                }
            }
            return queued;
        }

        /// <summary>Runs a queued event for its container and, in a chain, passes it on unless the result stops it.</summary>
        internal bool RunQueued(Container c, HookEvent e)
        {
            bool ran = c.Execute(e);
            Hook chain = e.ChainHook;
            if (chain == null || (ran && StopsChain(chain.Policy, c)))
            {
                return ran;
            }
            Container[] members = chain.Members;
            int at = System.Array.IndexOf(members, c);
            int next = NextRunning(members, (at < 0 ? e.ChainPosition : at) + 1);
            if (next >= 0 && members[next].Queue.EnqueueCopy(e, chain, next))
            {
                members[next].Signal();
            }
            return ran;
        }

        /// <summary>Called by a container after each run: counters are done; apply the monitor's verdict.</summary>
        internal void AfterRun(Container c, VmStatus status, bool flooded, bool outside, long nowMs)
        {
            if (flooded)
            {
                Quarantine(c, AnomalyKind.HelperFlood, "more than " + c.Tenant.Policy.Limits.HelperCallsPerSecond
                    + " helper calls per second");
                return;
            }
            AnomalyKind anomaly = Monitor.AfterRun(c, status, outside, nowMs);
            if (status == VmStatus.HelperDenied && anomaly == AnomalyKind.None)
            {
                // A call outside the grant reached the VM's own check: a policy violation too.
                c.Counters.RecordViolation();
                anomaly = Monitor.OnViolation(c, "called an ungranted helper", nowMs);
            }
            if (anomaly != AnomalyKind.None)
            {
                Quarantine(c, anomaly, AnomalyText(anomaly, c));
            }
        }

        /// <summary>The first outside-triggered run a container's budget dropped in a window: reported, never held against it.</summary>
        internal void OnThrottled(Container c, long nowMs)
        {
            Monitor.Raise(new RuntimeEvent(RuntimeEventKind.Throttled, nowMs, c.Tenant.Id, c.Name, c.Id, c.State,
                VmStatus.Ok, AnomalyKind.None, "outside-triggered runs over " + c.Tenant.Policy.Limits.OutsideRunsPerSecond
                + " per second are dropped (" + c.Counters.ThrottledRuns + " so far); not held against the tenant"));
        }

        internal void OnViolation(Container c, int helperId, int resource)
        {
            AnomalyKind anomaly = Monitor.OnViolation(c, HelperIds.Describe(helperId) + " refused resource " + resource,
                Services.Clock.NowMs);
            if (anomaly != AnomalyKind.None)
            {
                Quarantine(c, anomaly, AnomalyText(anomaly, c));
            }
        }

        private string AnomalyText(AnomalyKind anomaly, Container c)
        {
            MonitorSettings s = Monitor.Settings;
            switch (anomaly)
            {
                case AnomalyKind.FaultBurst:
                    return s.FaultBurstCount + " faults within " + s.FaultWindowMs + " ms, last: " + VmStatusText.Describe(c.LastStatus);
                case AnomalyKind.RateSpike:
                    return "run rate spiked to " + c.Health.Rate.CurrentWindowRuns + " per window against a baseline of "
                        + c.Health.RunRateBaseline;
                case AnomalyKind.PolicyViolations:
                    return s.ViolationBurstCount + " policy violations within " + s.ViolationWindowMs + " ms";
                default:
                    return "anomaly";
            }
        }

        private static bool StopsChain(HookPolicy policy, Container c)
        {
            if (policy == HookPolicy.Continue || c.LastStatus != VmStatus.Ok)
            {
                return false;
            }
            int result = (int)(uint)c.LastResult;
            return policy == HookPolicy.StopOnNegative ? result < 0 : result > 0;
        }

        private static int NextRunning(Container[] members, int from)
        {
            for (int i = from; i < members.Length; i++)
            {
                if (members[i].State == ContainerState.Running)
                {
                    return i;
                }
            }
            return -1;
        }

        private Hook FindAccepting(HookKind kind, int parameter, string key)
        {
            Hook[] hooks = _hooks.All;
            for (int i = 0; i < hooks.Length; i++)
            {
                if (hooks[i].Accepts(kind, parameter, key))
                {
                    return hooks[i];
                }
            }
            return null;
        }

        private static void CopyResponse(Container c, CoapResponse response)
        {
            CoapExchange x = c.Coap;
            ulong length = c.LastResult;
            int n = length > (ulong)x.Buffer.Length ? x.Buffer.Length : (int)length;
            if (n > response.Payload.Length)
            {
                n = response.Payload.Length;
            }
            System.Array.Copy(x.Buffer, 0, response.Payload, 0, n);
            response.Code = x.Code;
            response.Format = x.Format;
            response.PayloadLength = n;
        }

        private static bool DeclaresHook(Container c, HookKind kind)
        {
            HookBinding[] hooks = c.Manifest.Hooks;
            for (int i = 0; i < hooks.Length; i++)
            {
                if (hooks[i].Kind == kind)
                {
                    return true;
                }
            }
            return false;
        }

        private void SetState(Container c, ContainerState state, string detail)
        {
            c.State = state;
            Monitor.Raise(new RuntimeEvent(RuntimeEventKind.StateChanged, Services.Clock.NowMs, c.Tenant.Id, c.Name,
                c.Id, state, VmStatus.Ok, AnomalyKind.None, detail));
        }

        private string PinConflict(TenantPolicy policy)
        {
            for (int t = 0; t < _tenants.Count; t++)
            {
                Tenant other = (Tenant)_tenants[t];
                if (other.Id == policy.TenantId)
                {
                    continue;
                }
                for (int i = 0; i < policy.PinCount; i++)
                {
                    PinGrant pin = policy.PinAt(i);
                    PinGrant theirs = other.Policy.FindPin(pin.Pin);
                    if (theirs != null && !pin.CanShareWith(theirs))
                    {
                        return "pin " + pin.Pin + " is granted to tenant '" + other.Id + "' as " + PinModes.NameOf(theirs.Mode)
                            + "; tenants may share a pin only as the same input mode";
                    }
                }
            }
            return null;
        }
    }
}
