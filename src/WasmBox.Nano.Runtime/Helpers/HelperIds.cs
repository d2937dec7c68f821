namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// Helper call numbers. 0x01..0x61 keep the Femto-Containers numbering of RIOT's
    /// sys/include/bpf/shared.h so existing femto-container C sources port unchanged;
    /// 0x70 and up are WasmBox.Nano's own. The README's helper table is the ABI reference.
    /// </summary>
    public static class HelperIds
    {
        // Femto-Containers: stdlib
        public const int Print = 0x01;
        public const int Memcpy = 0x02;

        // Femto-Containers: key-value stores (local = this container, global = this tenant)
        public const int StoreLocal = 0x10;
        public const int StoreGlobal = 0x11;
        public const int FetchLocal = 0x12;
        public const int FetchGlobal = 0x13;

        // Femto-Containers: time
        public const int NowMs = 0x20;

        // Femto-Containers: SAUL sensor/actuator registry
        public const int SaulFindNth = 0x30;
        public const int SaulFindType = 0x31;
        public const int SaulRead = 0x32;

        // Femto-Containers: (g)CoAP response building
        public const int CoapRespInit = 0x40;
        public const int CoapOptFinish = 0x41;
        public const int CoapAddFormat = 0x42;
        public const int CoapGetPdu = 0x43;

        // Femto-Containers: fmt
        public const int FmtS16Dfp = 0x50;
        public const int FmtU32Dec = 0x51;

        // Femto-Containers: ztimer
        public const int ZtimerNow = 0x60;
        public const int ZtimerPeriodicWakeup = 0x61;

        // WasmBox.Nano: GPIO
        public const int GpioRead = 0x70;
        public const int GpioWrite = 0x71;
        public const int GpioToggle = 0x72;

        // WasmBox.Nano: actuators (SAUL handles from 0x30/0x31)
        public const int ActuatorWrite = 0x74;

        // WasmBox.Nano: messaging
        public const int MqttPublish = 0x80;

        // WasmBox.Nano: the event that woke the container
        public const int PayloadLength = 0x90;
        public const int PayloadRead = 0x91;

        // WasmBox.Nano: logging
        public const int Log = 0xA0;

        // WasmBox.Nano: buses (0xB0-0xBF)
        public const int I2cWrite = 0xB0;
        public const int I2cRead = 0xB1;
        public const int I2cWriteRead = 0xB2;
        public const int SpiTransfer = 0xB3;
        public const int UartWrite = 0xB4;
        public const int UartRead = 0xB5;
        public const int PwmSet = 0xB6;
        public const int AdcRead = 0xB7;

        /// <summary>Every id the runtime implements, in ascending order.</summary>
        public static int[] All()
        {
            return new int[]
            {
                Print, Memcpy,
                StoreLocal, StoreGlobal, FetchLocal, FetchGlobal,
                NowMs,
                SaulFindNth, SaulFindType, SaulRead,
                CoapRespInit, CoapOptFinish, CoapAddFormat, CoapGetPdu,
                FmtS16Dfp, FmtU32Dec,
                ZtimerNow, ZtimerPeriodicWakeup,
                GpioRead, GpioWrite, GpioToggle,
                ActuatorWrite,
                MqttPublish,
                PayloadLength, PayloadRead,
                Log,
                I2cWrite, I2cRead, I2cWriteRead,
                SpiTransfer, UartWrite, UartRead, PwmSet, AdcRead,
            };
        }

        /// <summary>The helper's name as the README and policy documents spell it, or null.</summary>
        public static string NameOf(int id)
        {
            switch (id)
            {
                case Print: return "print";
                case Memcpy: return "memcpy";
                case StoreLocal: return "store_local";
                case StoreGlobal: return "store_global";
                case FetchLocal: return "fetch_local";
                case FetchGlobal: return "fetch_global";
                case NowMs: return "now_ms";
                case SaulFindNth: return "saul_reg_find_nth";
                case SaulFindType: return "saul_reg_find_type";
                case SaulRead: return "saul_reg_read";
                case CoapRespInit: return "gcoap_resp_init";
                case CoapOptFinish: return "coap_opt_finish";
                case CoapAddFormat: return "coap_add_format";
                case CoapGetPdu: return "coap_get_pdu";
                case FmtS16Dfp: return "fmt_s16_dfp";
                case FmtU32Dec: return "fmt_u32_dec";
                case ZtimerNow: return "ztimer_now";
                case ZtimerPeriodicWakeup: return "ztimer_periodic_wakeup";
                case GpioRead: return "gpio_read";
                case GpioWrite: return "gpio_write";
                case GpioToggle: return "gpio_toggle";
                case ActuatorWrite: return "actuator_write";
                case MqttPublish: return "mqtt_publish";
                case PayloadLength: return "payload_length";
                case PayloadRead: return "payload_read";
                case Log: return "log";
                case I2cWrite: return "i2c_write";
                case I2cRead: return "i2c_read";
                case I2cWriteRead: return "i2c_write_read";
                case SpiTransfer: return "spi_transfer";
                case UartWrite: return "uart_write";
                case UartRead: return "uart_read";
                case PwmSet: return "pwm_set";
                case AdcRead: return "adc_read";
                default: return null;
            }
        }

        /// <summary>The id for a helper name, or -1.</summary>
        public static int IdOf(string name)
        {
            int[] all = All();
            for (int i = 0; i < all.Length; i++)
            {
                if (NameOf(all[i]) == name)
                {
                    return all[i];
                }
            }
            return -1;
        }

        /// <summary>"gpio_write (0x71)" for messages.</summary>
        public static string Describe(int id)
        {
            string name = NameOf(id);
            return (name == null ? "helper" : name) + " (0x" + id.ToString("x2") + ")";
        }
    }
}
