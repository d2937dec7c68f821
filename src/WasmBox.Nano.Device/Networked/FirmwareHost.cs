using System;
using System.Threading;
using WasmBox.Nano.Cbor;
using WasmBox.Nano.Coap;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Buses;
using WasmBox.Nano.Device.Networked.Messaging;
using WasmBox.Nano.Device.Networked.Network;
using WasmBox.Nano.Device.Networked.Storage;
using WasmBox.Nano.Device.Platform;
using WasmBox.Nano.Device.Provisioning;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.Protocol.Coap;
using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Protocol.Mqtt;
using WasmBox.Nano.Protocol.Policies;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Device.Networked
{
    /// <summary>
    /// The firmware's life on a board with a network and a file system (ESP32, STM32F769I-DISCOVERY):
    /// storage, provisioning, runtime and update manager, network, broker, the MQTT and CoAP agents of the
    /// deployment protocol, then reconnects forever. A problem the owner must fix (no provisioning file, a
    /// bad field, a BoardConfig.cs for another board) stops the boot and repeats the reason on the console,
    /// instead of running half-configured.
    /// </summary>
    public sealed class FirmwareHost
    {
        public const string RuntimeVersion = "wasmbox-nano/0.1 (nanoFramework)";

        /// <summary>Folder on the board's drive that holds the blobs and the provisioning files.</summary>
        public const string StorageFolder = "wbx";
        public const string ProvisioningFile = "provisioning.json";
        public const string TenantsFile = "tenants.json";

        private const int NetworkTimeoutMs = 60000;
        private const int RetryDelayMs = 10000;
        private const int DriveWaitMs = 30000;
        private const int DrivePollMs = 500;
        private const int TickMs = 10;
        private const int LoopMs = 1000;
        private const int CoapPollMs = 500;

        private readonly BoardDescription _description;
        private readonly INetworkLink _link;
        private readonly ILogSink _log = new ConsoleLogSink();
        private readonly IClock _clock = new MonotonicClock();
        private CoapServer _coap;

        public FirmwareHost(BoardDescription description, INetworkLink link)
        {
            _description = description;
            _link = link;
        }

        /// <summary>Boots and then serves forever; never returns.</summary>
        public void Run()
        {
            _log.Write("boot", RuntimeVersion + " on " + _description.Name + " (profile " + _description.ProfileId + ", firmware "
                + _description.NanoffTarget + "), " + ManagedMemory.FreeBytes() + " bytes of managed heap free");
            if (_description.Network != _link.Kind)
            {
                Halt(_log, "BoardConfig.cs describes a board on '" + _description.Network + "' but this firmware drives '" + _link.Kind
                    + "': regenerate it with wbx firmware-config --profile <this board>");
            }
            if (_description.StorageDrive == null)
            {
                Halt(_log, "profile " + _description.ProfileId + " has no storage for " + ProvisioningFile);
            }

            RequireNoProblem(BusWiring.Problem(_description));

            FileStorage storage = OpenStorage(_description.StorageDrive);
            DeviceProvisioning provisioning = LoadProvisioning(storage);
            TenantPolicy[] tenants = LoadTenants(storage);

            DeviceBoard board = new DeviceBoard(provisioning.DeviceId, _description, _clock, storage, _log);
            MqttTransport transport = new MqttTransport(provisioning, new M2MqttConnector(provisioning), _log);
            WasmBoxRuntime runtime = new WasmBoxRuntime(board, transport, null);
            string refusal = runtime.Provision(tenants);
            if (refusal != null)
            {
                Halt(_log, TenantsFile + ": " + refusal);
            }
            UpdateManager updates = new UpdateManager(runtime, storage, provisioning);
            updates.Boot();
            string[] failures = updates.BootFailures;
            for (int i = 0; i < failures.Length; i++)
            {
                _log.Write("boot", failures[i]);
            }
            Attestor attestor = provisioning.AttestationKey == null
                ? null : new Attestor(provisioning.DeviceId, provisioning.AttestationKey, updates, RuntimeVersion);
            DeviceService service = new DeviceService(provisioning.DeviceId, RuntimeVersion, runtime, updates, attestor);
            string[] policyProblems;
            service.Policies = PolicyChannel.Boot(runtime, storage, provisioning.OwnerKey, out policyProblems);
            for (int i = 0; i < policyProblems.Length; i++)
            {
                _log.Write("boot", "policy " + policyProblems[i]);
            }
            _log.Write("boot", tenants.Length + " tenant(s), " + updates.Installed.Length + " function(s) installed");

            ConnectNetwork(provisioning);
            // M2Mqtt takes the Last Will as text; the protocol's "offline" state is ASCII JSON.
            byte[] offline = ProtocolJson.Offline(provisioning.DeviceId);
            string will = Utf8.Decode(offline, 0, offline.Length);
            ConnectBroker(transport, service.Topics.State, will);
            // The agent shares the runtime's reference-counted subscriptions on the one client, as
            // the simulated device does: a container leaving never drops a filter the agent holds.
            MqttAgent agent = new MqttAgent(service, runtime.Services.Transport, new ManagedHeapGauge());
            agent.Start(provisioning.TelemetrySeconds * 1000);
            if (_description.Coap)
            {
                StartCoap(service);
            }
            runtime.StartThreads(TickMs);
            runtime.Boot();
            _log.Write("boot", "running; " + ManagedMemory.FreeBytes() + " bytes free");
            Serve(transport, service.Topics.State, will, agent, provisioning.TelemetrySeconds * 1000L);
        }

        private void Serve(MqttTransport transport, string stateTopic, string will, MqttAgent agent, long memoryReportMs)
        {
            long nextReport = _clock.NowMs + memoryReportMs;
            while (true)
            {
                if (!transport.IsConnected)
                {
                    ConnectBroker(transport, stateTopic, will);
                    // The broker published the Last Will when the connection dropped: say "online" again.
                    agent.PublishState();
                }
                if (_clock.NowMs >= nextReport)
                {
                    _log.Write("mem", ManagedMemory.FreeBytes() + " bytes free");
                    nextReport = _clock.NowMs + memoryReportMs;
                }
                Thread.Sleep(LoopMs);
            }
        }

        private void StartCoap(DeviceService service)
        {
            try
            {
                CoapServerOptions options = CoapAgent.ServerOptions(service);
                // Transfers time out on the board's monotonic clock (wall time jumps when SNTP sets
                // it); a random first message id keeps a rebooted board's ids apart from its last ones.
                options.Clock = new BoardCoapClock(_clock);
                options.FirstMessageId = new Random().Next(0x10000);
                _coap = new CoapServer(new UdpEndpoint(new UdpSocket(UdpEndpoint.CoapPort)), options);
                CoapAgent.Register(_coap, service);
                new Thread(CoapLoop).Start();
                _log.Write("coap", "listening on UDP port " + UdpEndpoint.CoapPort);
            }
            catch (Exception e)
            {
                _log.Write("coap", "not started: " + e.Message);
            }
        }

        private void CoapLoop()
        {
            while (true)
            {
                try
                {
                    _coap.PollOnce(CoapPollMs);
                }
                catch (Exception e)
                {
                    // A socket error must not end the loop: log it and keep serving.
                    _log.Write("coap", e.Message);
                    Thread.Sleep(RetryDelayMs);
                }
            }
        }

        private FileStorage OpenStorage(string drive)
        {
            string driveRoot = drive + "\\";
            IFileSystem files = new NanoFileSystem();
            // An SD card mounts a moment after boot (or when inserted); internal flash is there at once.
            if (!DriveWait.UntilMounted(files, driveRoot, _clock, DriveWaitMs, DrivePollMs))
            {
                Halt(_log, "drive " + drive + " is not mounted (insert the SD card, or reflash the firmware)");
            }
            return new FileStorage(driveRoot + StorageFolder, files, _log);
        }

        private DeviceProvisioning LoadProvisioning(FileStorage storage)
        {
            ProvisioningResult result = ProvisioningParser.Parse(ReadText(storage, ProvisioningFile));
            if (!result.Ok)
            {
                Halt(_log, ProvisioningFile + ": " + result);
            }
            return result.Provisioning;
        }

        private TenantPolicy[] LoadTenants(FileStorage storage)
        {
            PolicyParseResult result = PolicyParser.Parse(ReadText(storage, TenantsFile));
            if (!result.Ok)
            {
                Halt(_log, TenantsFile + ": " + result);
            }
            return result.Tenants;
        }

        private string ReadText(FileStorage storage, string name)
        {
            byte[] bytes = storage.Read(name);
            if (bytes == null)
            {
                Halt(_log, storage.Root + "\\" + name + " is missing: upload it with firmware/flash --provisioning DIR (see firmware/README.md)");
            }
            if (!Utf8.IsValid(bytes, 0, bytes.Length))
            {
                Halt(_log, name + " is not UTF-8 text");
            }
            return Utf8.Decode(bytes, 0, bytes.Length);
        }

        private void ConnectNetwork(DeviceProvisioning provisioning)
        {
            while (true)
            {
                string problem = _link.Connect(provisioning, NetworkTimeoutMs);
                if (problem == null)
                {
                    _log.Write("net", _link.Kind + " up");
                    return;
                }
                _log.Write("net", problem + "; retrying in " + (RetryDelayMs / 1000) + " s");
                Thread.Sleep(RetryDelayMs);
            }
        }

        private void ConnectBroker(MqttTransport transport, string stateTopic, string will)
        {
            while (!transport.Connect(stateTopic, will))
            {
                Thread.Sleep(RetryDelayMs);
            }
        }

        /// <summary>
        /// Stops the boot when BoardConfig.cs is for another family than the application (each application
        /// references only the packages its family's firmware supports).
        /// </summary>
        public static void RequireFamily(BoardDescription description, string family)
        {
            if (description.Family != family)
            {
                Halt(new ConsoleLogSink(), "BoardConfig.cs is for " + description.ProfileId + ", not a " + family
                    + " board: regenerate it with wbx firmware-config --profile <this board>");
            }
        }

        /// <summary>Stops the boot when a board-specific step found <paramref name="problem"/> with BoardConfig.cs (null: carries on).</summary>
        public static void RequireNoProblem(string problem)
        {
            if (problem != null)
            {
                Halt(new ConsoleLogSink(), "BoardConfig.cs: " + problem + ": fix the profile and regenerate it with wbx firmware-config");
            }
        }

        /// <summary>Stops the boot for good, repeating why on the console so a late-attached terminal sees it.</summary>
        private static void Halt(ILogSink log, string reason)
        {
            while (true)
            {
                log.Write("boot", "stopped: " + reason);
                Thread.Sleep(30000);
            }
        }
    }
}
