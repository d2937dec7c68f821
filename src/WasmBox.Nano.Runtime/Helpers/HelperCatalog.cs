using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// The runtime's helpers: which ids exist (the table the verifier checks programs
    /// against), a dense slot per id for counters, and per-container tables whose helpers
    /// are bound to that container, its tenant and the board.
    /// </summary>
    public static class HelperCatalog
    {
        private static readonly int[] Ids = HelperIds.All();
        private static readonly int[] Slots = BuildSlots();
        private static HelperTable _verificationTable;

        /// <summary>Number of helper ids; counters index helpers by <see cref="SlotOf"/>.</summary>
        public static int Count { get { return Ids.Length; } }

        /// <summary>Dense index of a helper id, or -1 when the runtime has no such helper.</summary>
        public static int SlotOf(long id)
        {
            return id < 0 || id > HelperTable.MaxId ? -1 : Slots[(int)id];
        }

        public static int IdAt(int slot)
        {
            return Ids[slot];
        }

        /// <summary>
        /// A table with an entry for every helper id, for <see cref="VerifierOptions.Helpers"/>.
        /// Its entries are never run: containers run with <see cref="Bind"/>'s tables.
        /// </summary>
        public static HelperTable VerificationTable
        {
            get
            {
                if (_verificationTable == null)
                {
                    _verificationTable = HelperTable.Declaring(Ids);
                }
                return _verificationTable;
            }
        }

        /// <summary>A table of the helpers <paramref name="ids"/> (the program's), bound to the container.</summary>
        internal static HelperTable Bind(Container container, int[] ids)
        {
            HelperTable table = new HelperTable();
            for (int i = 0; i < ids.Length; i++)
            {
                IHelper helper = Create(container, ids[i]);
                if (helper != null)
                {
                    table.Register(ids[i], helper);
                }
            }
            return table;
        }

        /// <summary>True when the ids include a CoAP helper: the container then gets a response buffer.</summary>
        public static bool UsesCoap(int[] ids)
        {
            for (int i = 0; i < ids.Length; i++)
            {
                if (ids[i] >= HelperIds.CoapRespInit && ids[i] <= HelperIds.CoapGetPdu)
                {
                    return true;
                }
            }
            return false;
        }

        private static IHelper Create(Container c, int id)
        {
            switch (id)
            {
                case HelperIds.Print: return new PrintHelper(c);
                case HelperIds.Memcpy: return new MemcpyHelper(c);
                case HelperIds.StoreLocal:
                case HelperIds.StoreGlobal:
                case HelperIds.FetchLocal:
                case HelperIds.FetchGlobal: return new StoreHelper(c, id);
                case HelperIds.NowMs:
                case HelperIds.ZtimerNow:
                case HelperIds.ZtimerPeriodicWakeup: return new TimeHelper(c, id);
                case HelperIds.SaulFindNth:
                case HelperIds.SaulFindType:
                case HelperIds.SaulRead:
                case HelperIds.ActuatorWrite: return new SensorHelper(c, id);
                case HelperIds.CoapRespInit:
                case HelperIds.CoapOptFinish:
                case HelperIds.CoapAddFormat:
                case HelperIds.CoapGetPdu: return new CoapHelper(c, id);
                case HelperIds.FmtS16Dfp:
                case HelperIds.FmtU32Dec: return new FmtHelper(c, id);
                case HelperIds.GpioRead:
                case HelperIds.GpioWrite:
                case HelperIds.GpioToggle: return new GpioHelper(c, id);
                case HelperIds.MqttPublish: return new MqttPublishHelper(c);
                case HelperIds.PayloadLength:
                case HelperIds.PayloadRead: return new PayloadHelper(c, id);
                case HelperIds.Log: return new LogHelper(c);
                case HelperIds.I2cWrite:
                case HelperIds.I2cRead:
                case HelperIds.I2cWriteRead: return new I2cHelper(c, id);
                case HelperIds.SpiTransfer: return new SpiHelper(c);
                case HelperIds.UartWrite:
                case HelperIds.UartRead: return new UartHelper(c, id);
                case HelperIds.PwmSet:
                case HelperIds.AdcRead: return new ChannelHelper(c, id);
                default: return null;
            }
        }

        private static int[] BuildSlots()
        {
            int[] slots = new int[HelperTable.MaxId + 1];
            for (int i = 0; i < slots.Length; i++)
            {
                slots[i] = -1;
            }
            for (int i = 0; i < Ids.Length; i++)
            {
                slots[Ids[i]] = i;
            }
            return slots;
        }
    }
}
