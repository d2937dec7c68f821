using System.Text.Json;

namespace WasmBox.Nano.Host.Profiles;

/// <summary>
/// Turns profile JSON into a <see cref="HardwareProfile"/>, checking shape only: required
/// fields, types, ranges, known names. Cross-field rules live in <see cref="HardwareProfileValidator"/>.
/// </summary>
internal static class HardwareProfileParser
{
    private static readonly Dictionary<string, PinCapabilities> CapabilityNames = new()
    {
        ["input"] = PinCapabilities.Input,
        ["output"] = PinCapabilities.Output,
        ["pullup"] = PinCapabilities.PullUp,
        ["pulldown"] = PinCapabilities.PullDown,
        ["pwm"] = PinCapabilities.Pwm,
        ["adc"] = PinCapabilities.Adc,
        ["interrupt"] = PinCapabilities.Interrupt,
    };

    private static readonly Dictionary<string, ActiveLevel> Levels = new() { ["high"] = ActiveLevel.High, ["low"] = ActiveLevel.Low };

    private static readonly Dictionary<string, NetworkKind> Networks = new()
    {
        ["wifi"] = NetworkKind.Wifi,
        ["ethernet"] = NetworkKind.Ethernet,
        ["none"] = NetworkKind.None,
    };

    private static readonly Dictionary<string, StorageKind> StorageKinds = new()
    {
        ["internal-flash"] = StorageKind.InternalFlash,
        ["sd-card"] = StorageKind.SdCard,
        ["none"] = StorageKind.None,
    };

    private static readonly Dictionary<string, ExternalRamKind> ExternalRamKinds = new()
    {
        ["psram"] = ExternalRamKind.Psram,
        ["sdram"] = ExternalRamKind.Sdram,
    };

    private static readonly string[] SignalKinds = ["constant", "sine", "ramp", "square", "step"];

    /// <summary>The profile, or null when <paramref name="errors"/> received at least one error.</summary>
    public static HardwareProfile? Parse(JsonElement root, List<ProfileError> errors)
    {
        int before = errors.Count;
        JsonObjectReader? r = JsonObjectReader.Open(root, "$", errors);
        if (r is null)
        {
            return null;
        }

        r.Allow("$schema");
        string? id = r.String("id");
        string? name = r.String("name");
        string? description = r.String("description", required: false);
        string? mcu = r.String("mcu");
        string? nanoffTarget = r.String("nanoffTarget");
        MemorySpec? memory = Memory(r.Object("memory"));
        var pins = List(r, "pins", Pin);
        var leds = List(r, "leds", Led);
        var buttons = List(r, "buttons", Button);
        var sensors = List(r, "sensors", Sensor);
        var actuators = List(r, "actuators", Actuator);
        NetworkKind? network = Lookup(r, "network", Networks);
        StorageSpec? storage = Storage(r.Object("storage"));
        FeatureSet? features = Features(r.Object("features"));
        LimitSpec? limits = Limits(r.Object("limits"));
        IReadOnlyList<I2cBusSpec>? i2c = I2cBusParser.Parse(r);
        PeripheralsSpec? peripherals = PeripheralParser.Parse(r);
        r.RejectUnknownMembers();

        if (errors.Count > before)
        {
            return null;
        }

        return new HardwareProfile(id!, name!, description, mcu!, nanoffTarget!, memory!, pins!, leds!, buttons!,
            sensors!, actuators!, network!.Value, storage!, features!, limits!)
        {
            I2cBuses = i2c!,
            Peripherals = peripherals!,
        };
    }

    private static List<T>? List<T>(JsonObjectReader r, string name, Func<JsonObjectReader?, T?> item) where T : class
    {
        var items = r.Array(name);
        if (items is null)
        {
            return null;
        }

        var result = new List<T>();
        bool complete = true;
        foreach (var (element, path) in items)
        {
            T? parsed = item(JsonObjectReader.Open(element, path, r.Errors));
            complete &= parsed is not null;
            if (parsed is not null)
            {
                result.Add(parsed);
            }
        }

        return complete ? result : null;
    }

    private static T? Lookup<T>(JsonObjectReader r, string name, Dictionary<string, T> values, bool required = true) where T : struct
    {
        string? text = r.Choice(name, values.Keys, required);
        return text is null ? null : values[text];
    }

    private static MemorySpec? Memory(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        int? flash = r.Int32("flashBytes", 1);
        int? ram = r.Int32("ramBytes", 1);
        ExternalRamSpec? external = null;
        JsonObjectReader? ext = r.Object("externalRam", required: false);
        if (ext is not null)
        {
            ExternalRamKind? kind = Lookup(ext, "kind", ExternalRamKinds);
            int? bytes = ext.Int32("bytes", 1);
            ext.RejectUnknownMembers();
            external = kind is null || bytes is null ? null : new ExternalRamSpec(kind.Value, bytes.Value);
        }

        int? heap = r.Int32("managedHeapBytes", 1);
        r.RejectUnknownMembers();
        return flash is null || ram is null || heap is null ? null : new MemorySpec(flash.Value, ram.Value, external, heap.Value);
    }

    private static PinSpec? Pin(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        int? number = r.Int32("number", 0, 1023);
        string? name = r.String("name");
        PinCapabilities? capabilities = Capabilities(r);
        bool reserved = r.Boolean("reserved", required: false) ?? false;
        bool strapping = r.Boolean("strapping", required: false) ?? false;
        string? note = r.String("note", required: false);
        r.RejectUnknownMembers();
        return number is null || name is null || capabilities is null
            ? null
            : new PinSpec(number.Value, name, capabilities.Value, reserved, strapping, note);
    }

    private static PinCapabilities? Capabilities(JsonObjectReader r)
    {
        var items = r.Array("capabilities");
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0)
        {
            r.Error("capabilities", "must list at least one capability");
            return null;
        }

        PinCapabilities result = PinCapabilities.None;
        bool valid = true;
        foreach (var (item, path) in items)
        {
            string? text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (text is null || !CapabilityNames.TryGetValue(text, out PinCapabilities capability))
            {
                r.Errors.Add(new ProfileError(path, "unknown capability " + (text is null ? JsonObjectReader.Describe(item) : "\"" + text + "\"")
                    + "; expected one of: " + string.Join(", ", CapabilityNames.Keys)));
                valid = false;
            }
            else if ((result & capability) != 0)
            {
                r.Errors.Add(new ProfileError(path, "capability \"" + text + "\" is listed twice"));
                valid = false;
            }
            else
            {
                result |= capability;
            }
        }

        return valid ? result : null;
    }

    private static LedSpec? Led(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        string? name = r.String("name");
        int? pin = r.Int32("pin", 0);
        ActiveLevel? level = Lookup(r, "activeLevel", Levels);
        bool? onBoard = r.Boolean("onBoard");
        string? color = r.String("color", required: false);
        r.RejectUnknownMembers();
        return name is null || pin is null || level is null || onBoard is null
            ? null
            : new LedSpec(name, pin.Value, level.Value, onBoard.Value, color);
    }

    private static ButtonSpec? Button(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        string? name = r.String("name");
        int? pin = r.Int32("pin", 0);
        ActiveLevel? level = Lookup(r, "activeLevel", Levels);
        bool? onBoard = r.Boolean("onBoard");
        r.RejectUnknownMembers();
        return name is null || pin is null || level is null || onBoard is null
            ? null
            : new ButtonSpec(name, pin.Value, level.Value, onBoard.Value);
    }

    private static SensorSpec? Sensor(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        string? name = r.String("name");
        string? type = r.Choice("type", SensorTypes.Sensors.Keys.ToArray());
        string? unit = r.String("unit");
        int? scale = r.Int32("scale", -9, 9);
        bool? onBoard = r.Boolean("onBoard");
        SignalSpec? signal = Signal(r.Object("signal"));
        r.RejectUnknownMembers();
        return name is null || type is null || unit is null || scale is null || onBoard is null || signal is null
            ? null
            : new SensorSpec(name, type, unit, scale.Value, onBoard.Value, signal);
    }

    private static ActuatorSpec? Actuator(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        string? name = r.String("name");
        string? type = r.Choice("type", SensorTypes.Actuators.Keys.ToArray());
        string? unit = r.String("unit");
        int? scale = r.Int32("scale", -9, 9);
        int? min = r.Int32("min");
        int? max = r.Int32("max");
        int? initial = r.Int32("initial");
        bool? onBoard = r.Boolean("onBoard");
        r.RejectUnknownMembers();
        return name is null || type is null || unit is null || scale is null || min is null || max is null || initial is null || onBoard is null
            ? null
            : new ActuatorSpec(name, type, unit, scale.Value, min.Value, max.Value, initial.Value, onBoard.Value);
    }

    internal static SignalSpec? Signal(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        SignalSpec? signal = r.Choice("kind", SignalKinds) switch
        {
            "constant" => Build(r.Int32("value"), v => new ConstantSignal(v)),
            "sine" => Build4(r.Int32("offset"), r.Int32("amplitude", 0, int.MaxValue / 2), r.Int32("periodMs", 1),
                r.Int32("phaseMs", 0, required: false) ?? 0, (o, a, p, ph) => new SineSignal(o, a, p, ph)),
            "ramp" => Build3(r.Int32("from"), r.Int32("to"), r.Int32("periodMs", 1), (f, t, p) => new RampSignal(f, t, p)),
            "square" => Build4(r.Int32("low"), r.Int32("high"), r.Int32("periodMs", 1),
                r.Int32("dutyPercent", 1, 99, required: false) ?? 50, (l, h, p, d) => new SquareSignal(l, h, p, d)),
            "step" => Build3(r.Int32("before"), r.Int32("after"), r.Integer("atMs", 0, long.MaxValue),
                (b, a, at) => new StepSignal(b, a, at)),
            _ => null,
        };
        r.RejectUnknownMembers();
        return signal;
    }

    private static SignalSpec? Build<A>(A? a, Func<A, SignalSpec> make) where A : struct =>
        a is null ? null : make(a.Value);

    private static SignalSpec? Build3<A, B, C>(A? a, B? b, C? c, Func<A, B, C, SignalSpec> make)
        where A : struct where B : struct where C : struct =>
        a is null || b is null || c is null ? null : make(a.Value, b.Value, c.Value);

    private static SignalSpec? Build4<A, B, C, D>(A? a, B? b, C? c, D d, Func<A, B, C, D, SignalSpec> make)
        where A : struct where B : struct where C : struct =>
        a is null || b is null || c is null ? null : make(a.Value, b.Value, c.Value, d);

    private static StorageSpec? Storage(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        StorageKind? kind = Lookup(r, "kind", StorageKinds);
        bool needsMedium = kind is not null && kind != StorageKind.None;
        string? drive = r.String("drive", required: needsMedium);
        int? capacity = r.Int32("capacityBytes", 1, required: needsMedium);
        r.RejectUnknownMembers();
        if (kind == StorageKind.None && (drive is not null || capacity is not null))
        {
            r.Error(drive is not null ? "drive" : "capacityBytes", "must be absent when kind is \"none\"");
            return null;
        }

        return kind is null || (needsMedium && (drive is null || capacity is null))
            ? null
            : new StorageSpec(kind.Value, drive, capacity ?? 0);
    }

    private static FeatureSet? Features(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        bool? mqtt = r.Boolean("mqtt");
        bool? mqttTls = r.Boolean("mqttTls");
        bool? coap = r.Boolean("coap");
        bool? persistent = r.Boolean("persistentStorage");
        bool? signedUpdates = r.Boolean("signedUpdates");
        r.RejectUnknownMembers();
        return mqtt is null || mqttTls is null || coap is null || persistent is null || signedUpdates is null
            ? null
            : new FeatureSet(mqtt.Value, mqttTls.Value, coap.Value, persistent.Value, signedUpdates.Value);
    }

    private static LimitSpec? Limits(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        int? reserve = r.Int32("runtimeReserveBytes", 0);
        int? overhead = r.Int32("containerOverheadBytes", 1);
        int? image = r.Int32("maxImageBytes", 8, ContainerLimits.MaxImageBytes);
        int? frames = r.Int32("stackFrames", 1, ContainerLimits.MaxStackFrames);
        int? maxContainers = r.Int32("maxContainers", 1, ContainerLimits.MaxContainersCap);
        r.RejectUnknownMembers();
        if (image is not null && image % 8 != 0)
        {
            r.Error("maxImageBytes", "is " + image + ", not a multiple of the 8-byte instruction size");
            return null;
        }

        return reserve is null || overhead is null || image is null || frames is null || maxContainers is null
            ? null
            : new LimitSpec(reserve.Value, overhead.Value, image.Value, frames.Value, maxContainers.Value);
    }
}
