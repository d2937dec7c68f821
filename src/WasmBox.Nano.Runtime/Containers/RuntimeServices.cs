using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>The board devices and transport helpers reach, in one place.</summary>
    public sealed class RuntimeServices
    {
        public RuntimeServices(IBoard board, IMessageTransport transport)
        {
            if (board == null)
            {
                throw new System.ArgumentNullException("board");
            }
            Board = board;
            SharedTransport shared = transport as SharedTransport;
            Transport = shared != null || transport == null ? shared : new SharedTransport(transport);
            AppTopicPrefix = AppTopics.PrefixOf(board.DeviceId);
            Buses = new BusArbiter(board as IBusBoard);
        }

        /// <summary>The board's buses (none unless the board implements IBusBoard), each with its gate.</summary>
        public BusArbiter Buses { get; private set; }

        public IBoard Board { get; private set; }

        /// <summary>
        /// MQTT-style messaging with reference-counted subscriptions, or null when the board has none.
        /// Hand it to the device agent too, so both share one count per filter.
        /// </summary>
        public SharedTransport Transport { get; private set; }

        /// <summary>"wbx/{deviceId}/app/": tenants' hook filters, grants and publishes are relative to it.</summary>
        public string AppTopicPrefix { get; private set; }

        /// <summary>The board owner's policy programs deciding helper calls (set by the runtime).</summary>
        public HostcallPolicies Policies { get; internal set; }

        public IGpio Gpio { get { return Board.Gpio; } }

        public ISensorBus Sensors { get { return Board.Sensors; } }

        public IClock Clock { get { return Board.Clock; } }

        public ILogSink Log { get { return Board.Log; } }

        /// <summary>Where tenants' print/log lines go besides the board log (a device agent); null for none.</summary>
        public ITenantOutput TenantOutput { get; set; }

        /// <summary>A line a function printed or logged: the board log under "tenant/container", then the tenant output.</summary>
        public void WriteTenantLine(Container container, string line)
        {
            Board.Log.Write(container.LogSource, line);
            ITenantOutput output = TenantOutput;
            if (output != null)
            {
                output.OnLine(container, line);
            }
        }
    }

    /// <summary>The CoAP response a container builds during one run on a CoAP hook.</summary>
    public sealed class CoapExchange
    {
        /// <summary>CoAP's 4.04 Not Found, the answer when no container responded.</summary>
        public const int NotFound = 0x84;

        public CoapExchange(int bufferBytes)
        {
            Buffer = new byte[bufferBytes];
        }

        /// <summary>Response code byte (class &lt;&lt; 5 | detail); 0 until gcoap_resp_init.</summary>
        public int Code;

        /// <summary>Content-Format, or -1 when none was added.</summary>
        public int Format = -1;

        /// <summary>Payload buffer, mapped writable at ContextLayout.CoapBufferAddress.</summary>
        public byte[] Buffer { get; private set; }

        internal void Reset()
        {
            Code = 0;
            Format = -1;
        }
    }

    /// <summary>What the CoAP server sends back for a request; filled by WasmBoxRuntime.HandleCoap.</summary>
    public sealed class CoapResponse
    {
        public CoapResponse(int capacity)
        {
            Payload = new byte[capacity];
        }

        public int Code;
        public int Format = -1;
        public byte[] Payload { get; private set; }
        public int PayloadLength;
    }
}
