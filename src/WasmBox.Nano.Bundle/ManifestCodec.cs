using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Bundle
{
    /// <summary>
    /// Encodes and strictly decodes the CBOR manifest of BUNDLE-FORMAT.md. Decoding checks every
    /// field rule and refuses unknown keys, duplicate or out-of-order keys, and oversized items.
    /// </summary>
    public static class ManifestCodec
    {
        public const int MaxManifestBytes = 2048;
        public const int MaxImageBytes = 65536;
        public const int MaxTenantBytes = 32;
        public const int MaxNameBytes = 32;
        public const int MaxHooks = 8;
        public const int MaxListItems = 64;
        public const int MaxPathBytes = 64;
        public const int MaxCoapPathBytes = 32;
        public const int MinTimerPeriodMs = 10;

        private const int KeyVersion = 1, KeyTenant = 2, KeySlot = 3, KeySequence = 4, KeyDigest = 5;
        private const int KeyImageSize = 6, KeyName = 7, KeyHooks = 8, KeyHelpers = 9, KeyPins = 10;
        private const int KeySensors = 11, KeyBudgets = 12, KeyI2c = 16;
        public const int MaxI2cBus = 7;
        public const int MaxPin = 1023;
        public const int MaxI2cSpeedHz = 1000000;

        public static byte[] Encode(Manifest m)
        {
            CborWriter w = new CborWriter();
            // Keys 16-20 only when used: bundles without buses stay byte-identical to format 1 before them.
            w.WriteMapStart((m.I2c.Length > 0 ? 13 : 12) + PeripheralCodec.KeysUsed(m));
            w.WriteUInt(KeyVersion);
            w.WriteUInt(Manifest.FormatVersion);
            w.WriteUInt(KeyTenant);
            w.WriteText(m.Tenant);
            w.WriteUInt(KeySlot);
            w.WriteUInt((ulong)m.Slot);
            w.WriteUInt(KeySequence);
            w.WriteUInt((ulong)m.Sequence);
            w.WriteUInt(KeyDigest);
            w.WriteBytes(m.Digest);
            w.WriteUInt(KeyImageSize);
            w.WriteUInt((ulong)m.ImageSize);
            w.WriteUInt(KeyName);
            w.WriteText(m.Name);
            w.WriteUInt(KeyHooks);
            w.WriteArrayStart(m.Hooks.Length);
            for (int i = 0; i < m.Hooks.Length; i++)
            {
                WriteHook(w, m.Hooks[i]);
            }
            w.WriteUInt(KeyHelpers);
            w.WriteArrayStart(m.Helpers.Length);
            for (int i = 0; i < m.Helpers.Length; i++)
            {
                w.WriteUInt((ulong)m.Helpers[i]);
            }
            w.WriteUInt(KeyPins);
            w.WriteArrayStart(m.Pins.Length);
            for (int i = 0; i < m.Pins.Length; i++)
            {
                w.WriteArrayStart(2);
                w.WriteUInt((ulong)m.Pins[i].Pin);
                w.WriteUInt((ulong)m.Pins[i].Mode);
            }
            w.WriteUInt(KeySensors);
            w.WriteArrayStart(m.Sensors.Length);
            for (int i = 0; i < m.Sensors.Length; i++)
            {
                w.WriteText(m.Sensors[i]);
            }
            w.WriteUInt(KeyBudgets);
            w.WriteMapStart(4);
            w.WriteUInt(1);
            w.WriteUInt((ulong)m.InstructionsPerRun);
            w.WriteUInt(2);
            w.WriteUInt((ulong)m.BranchesPerRun);
            w.WriteUInt(3);
            w.WriteUInt((ulong)m.RamBytes);
            w.WriteUInt(4);
            w.WriteUInt((ulong)m.StackFrames);
            if (m.I2c.Length > 0)
            {
                w.WriteUInt(KeyI2c);
                w.WriteArrayStart(m.I2c.Length);
                for (int i = 0; i < m.I2c.Length; i++)
                {
                    I2cRequest d = m.I2c[i];
                    w.WriteArrayStart(5);
                    w.WriteUInt((ulong)d.Bus);
                    w.WriteUInt((ulong)d.Address);
                    w.WriteUInt((ulong)d.SpeedHz);
                    w.WriteUInt((ulong)d.Sda);
                    w.WriteUInt((ulong)d.Scl);
                }
            }
            PeripheralCodec.Write(w, m);
            return w.ToArray();
        }

        private static void WriteHook(CborWriter w, HookRequest h)
        {
            w.WriteArrayStart(3);
            w.WriteUInt((ulong)h.Kind);
            switch (h.Kind)
            {
                case HookKind.Timer:
                    w.WriteUInt((ulong)h.PeriodMs);
                    break;
                case HookKind.GpioEdge:
                    w.WriteArrayStart(2);
                    w.WriteUInt((ulong)h.Pin);
                    w.WriteUInt((ulong)h.Edge);
                    break;
                case HookKind.Mqtt:
                case HookKind.Coap:
                    w.WriteText(h.Path);
                    break;
                default:
                    w.WriteNull();
                    break;
            }
            w.WriteUInt((ulong)h.Entry);
        }

        /// <summary>
        /// Decodes a manifest. Returns null and sets <paramref name="error"/> (BadManifest or
        /// UnsupportedVersion) and <paramref name="detail"/> when any rule is broken.
        /// </summary>
        public static Manifest Decode(byte[] buffer, int offset, int count, out BundleError error, out string detail)
        {
            error = BundleError.BadManifest;
            if (count > MaxManifestBytes)
            {
                detail = "manifest is " + count + " bytes, the limit is " + MaxManifestBytes;
                return null;
            }
            CborReader r = new CborReader(buffer, offset, count, MaxListItems);
            Manifest m = new Manifest();
            int pairs;
            if (!r.ReadMapStart(out pairs))
            {
                detail = ImageCodec.Describe(r, "manifest is not a map");
                return null;
            }
            int lastKey = -1;
            int seen = 0;
            for (int i = 0; i < pairs; i++)
            {
                int key;
                if (!r.ReadInt32(out key))
                {
                    detail = ImageCodec.Describe(r, "manifest keys must be unsigned integers");
                    return null;
                }
                if (key <= lastKey)
                {
                    detail = "manifest key " + key + " is duplicated or out of order";
                    return null;
                }
                lastKey = key;
                if (key <= KeyBudgets)
                {
                    seen |= 1 << key;
                }
                detail = ReadField(r, key, m, ref error);
                if (detail != null)
                {
                    return null;
                }
            }
            if (!r.AtEnd)
            {
                detail = "manifest has trailing bytes";
                return null;
            }
            for (int key = KeyVersion; key <= KeyImageSize; key++)
            {
                if ((seen & (1 << key)) == 0)
                {
                    detail = "manifest lacks required key " + key;
                    return null;
                }
            }
            error = BundleError.None;
            detail = null;
            return m;
        }

        /// <summary>Reads the value of one key into the manifest; returns an error text or null.</summary>
        private static string ReadField(CborReader r, int key, Manifest m, ref BundleError error)
        {
            ulong u;
            int n;
            switch (key)
            {
                case KeyVersion:
                    if (!r.ReadUInt(ulong.MaxValue, out u))
                    {
                        return ImageCodec.Describe(r, "version must be an unsigned integer");
                    }
                    if (u != Manifest.FormatVersion)
                    {
                        error = BundleError.UnsupportedVersion;
                        return "manifest version " + u + " is not supported (expected " + Manifest.FormatVersion + ")";
                    }
                    return null;
                case KeyTenant:
                    if (!r.ReadText(MaxTenantBytes, out m.Tenant) || !IsIdentifier(m.Tenant))
                    {
                        return ImageCodec.Describe(r, "tenant must be 1-32 characters of a-z, 0-9, '-' and '_'");
                    }
                    return null;
                case KeySlot:
                    return r.ReadInt32(out m.Slot) && m.Slot <= 255 ? null : ImageCodec.Describe(r, "slot must be 0-255");
                case KeySequence:
                    if (!r.ReadUInt(long.MaxValue, out u) || u == 0)
                    {
                        return ImageCodec.Describe(r, "sequence must be 1 to 2^63-1");
                    }
                    m.Sequence = (long)u;
                    return null;
                case KeyDigest:
                    return r.ReadBytesCopy(32, out m.Digest) && m.Digest.Length == 32
                        ? null : ImageCodec.Describe(r, "digest must be 32 bytes (SHA-256)");
                case KeyImageSize:
                    return r.ReadInt32(out m.ImageSize) && m.ImageSize > 0 && m.ImageSize <= MaxImageBytes
                        ? null : ImageCodec.Describe(r, "image-size must be 1-" + MaxImageBytes);
                case KeyName:
                    return r.ReadText(MaxNameBytes, out m.Name) ? null : ImageCodec.Describe(r, "name must be text of at most 32 bytes");
                case KeyHooks:
                    return ReadHooks(r, m);
                case KeyHelpers:
                    if (!r.ReadArrayStart(out n))
                    {
                        return ImageCodec.Describe(r, "helpers must be an array");
                    }
                    m.Helpers = new int[n];
                    for (int i = 0; i < n; i++)
                    {
                        if (!r.ReadInt32(out m.Helpers[i]) || m.Helpers[i] > 255 || (i > 0 && m.Helpers[i] <= m.Helpers[i - 1]))
                        {
                            return ImageCodec.Describe(r, "helpers must be ascending distinct ids 0-255");
                        }
                    }
                    return null;
                case KeyPins:
                    if (!r.ReadArrayStart(out n))
                    {
                        return ImageCodec.Describe(r, "pins must be an array");
                    }
                    m.Pins = new PinRequest[n];
                    for (int i = 0; i < n; i++)
                    {
                        int pair;
                        int pin;
                        int mode;
                        if (!r.ReadArrayStart(out pair) || pair != 2 || !r.ReadInt32(out pin) || !r.ReadInt32(out mode) || mode > 3)
                        {
                            return ImageCodec.Describe(r, "pin " + i + " must be [pin, mode 0-3]");
                        }
                        m.Pins[i] = new PinRequest(pin, mode);
                    }
                    return null;
                case KeySensors:
                    if (!r.ReadArrayStart(out n))
                    {
                        return ImageCodec.Describe(r, "sensors must be an array");
                    }
                    m.Sensors = new string[n];
                    for (int i = 0; i < n; i++)
                    {
                        if (!r.ReadText(MaxNameBytes, out m.Sensors[i]))
                        {
                            return ImageCodec.Describe(r, "sensor " + i + " must be a name of at most 32 bytes");
                        }
                    }
                    return null;
                case KeyBudgets:
                    return ReadBudgets(r, m);
                case KeyI2c:
                    return ReadI2c(r, m);
                case PeripheralCodec.KeySpi:
                case PeripheralCodec.KeyUart:
                case PeripheralCodec.KeyPwm:
                case PeripheralCodec.KeyAdc:
                    return PeripheralCodec.Read(r, key, m);
                default:
                    return "unknown manifest key " + key;
            }
        }

        private static string ReadHooks(CborReader r, Manifest m)
        {
            int n;
            if (!r.ReadArrayStart(out n) || n > MaxHooks)
            {
                return ImageCodec.Describe(r, "hooks must be an array of at most " + MaxHooks);
            }
            m.Hooks = new HookRequest[n];
            for (int i = 0; i < n; i++)
            {
                HookRequest h = new HookRequest();
                int items;
                if (!r.ReadArrayStart(out items) || items != 3 || !r.ReadInt32(out h.Kind))
                {
                    return ImageCodec.Describe(r, "hook " + i + " must be [kind, argument, entry]");
                }
                string problem = ReadHookArgument(r, h);
                if (problem != null)
                {
                    return "hook " + i + ": " + problem;
                }
                if (!r.ReadInt32(out h.Entry) || h.Entry >= ImageCodec.MaxEntries)
                {
                    return ImageCodec.Describe(r, "hook " + i + ": entry must be 0-" + (ImageCodec.MaxEntries - 1));
                }
                m.Hooks[i] = h;
            }
            return null;
        }

        private static string ReadHookArgument(CborReader r, HookRequest h)
        {
            switch (h.Kind)
            {
                case HookKind.Timer:
                    return r.ReadInt32(out h.PeriodMs) && h.PeriodMs >= MinTimerPeriodMs
                        ? null : ImageCodec.Describe(r, "timer period must be at least " + MinTimerPeriodMs + " ms");
                case HookKind.GpioEdge:
                    int pair;
                    return r.ReadArrayStart(out pair) && pair == 2 && r.ReadInt32(out h.Pin) && r.ReadInt32(out h.Edge)
                        && h.Edge >= 1 && h.Edge <= 3
                        ? null : ImageCodec.Describe(r, "gpio-edge argument must be [pin, edge 1-3]");
                case HookKind.Mqtt:
                    return r.ReadText(MaxPathBytes, out h.Path) && h.Path.Length > 0
                        ? null : ImageCodec.Describe(r, "mqtt topic must be 1-" + MaxPathBytes + " bytes of text");
                case HookKind.Coap:
                    return r.ReadText(MaxCoapPathBytes, out h.Path) && h.Path.Length > 0
                        ? null : ImageCodec.Describe(r, "coap path must be 1-" + MaxCoapPathBytes + " bytes of text");
                case HookKind.Boot:
                case HookKind.Install:
                    return r.TryReadNull() ? null : "boot and install hooks take null";
                default:
                    return "unknown hook kind " + h.Kind;
            }
        }

        private static string ReadI2c(CborReader r, Manifest m)
        {
            int n;
            if (!r.ReadArrayStart(out n))
            {
                return ImageCodec.Describe(r, "i2c must be an array");
            }
            m.I2c = new I2cRequest[n];
            for (int i = 0; i < n; i++)
            {
                int items, bus, address, speed, sda, scl;
                if (!r.ReadArrayStart(out items) || items != 5 || !r.ReadInt32(out bus) || !r.ReadInt32(out address)
                    || !r.ReadInt32(out speed) || !r.ReadInt32(out sda) || !r.ReadInt32(out scl)
                    || bus > MaxI2cBus || address > 0x7F || speed == 0 || speed > MaxI2cSpeedHz || sda > MaxPin || scl > MaxPin)
                {
                    return ImageCodec.Describe(r, "i2c device " + i + " must be [bus 0-" + MaxI2cBus + ", address 0-127, speed 1-"
                        + MaxI2cSpeedHz + " Hz, sda pin, scl pin]");
                }
                m.I2c[i] = new I2cRequest(bus, address, speed, sda, scl);
            }
            return null;
        }

        private static string ReadBudgets(CborReader r, Manifest m)
        {
            int n;
            if (!r.ReadMapStart(out n) || n > 4)
            {
                return ImageCodec.Describe(r, "budgets must be a map of at most 4 entries");
            }
            int last = 0;
            for (int i = 0; i < n; i++)
            {
                int key;
                int value;
                if (!r.ReadInt32(out key) || key <= last || key > 4 || !r.ReadInt32(out value))
                {
                    return ImageCodec.Describe(r, "budgets keys must be 1-4 in ascending order with unsigned values");
                }
                last = key;
                if (key == 1)
                {
                    m.InstructionsPerRun = value;
                }
                else if (key == 2)
                {
                    m.BranchesPerRun = value;
                }
                else if (key == 3)
                {
                    m.RamBytes = value;
                }
                else
                {
                    m.StackFrames = value;
                }
            }
            return null;
        }

        /// <summary>Tenant ids: 1-32 of a-z, 0-9, '-' and '_'.</summary>
        public static bool IsIdentifier(string s)
        {
            if (s == null || s.Length == 0 || s.Length > MaxTenantBytes)
            {
                return false;
            }
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
