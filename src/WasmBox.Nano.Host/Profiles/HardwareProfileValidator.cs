using System.Text.RegularExpressions;

namespace WasmBox.Nano.Host.Profiles;

/// <summary>
/// Rules that span fields of a parsed profile: references between LEDs, buttons and pins,
/// capabilities, unique names, features that need a network or storage, the nanoff target,
/// and the derived container limit. Each broken rule is reported at the field to fix.
/// </summary>
public static partial class HardwareProfileValidator
{
    public static IReadOnlyList<ProfileError> Validate(HardwareProfile profile)
    {
        var errors = new List<ProfileError>();
        CheckIdentity(profile, errors);
        CheckMemory(profile, errors);
        CheckPins(profile, errors);
        CheckLeds(profile, errors);
        CheckButtons(profile, errors);
        CheckBusDevices(profile, errors);
        var busPins = new HashSet<int>();
        CheckI2cBuses(profile, busPins, errors);
        CheckPeripherals(profile, busPins, errors);
        CheckStorage(profile, errors);
        CheckFeatures(profile, errors);
        CheckLimits(profile, errors);
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,47}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex DeviceNamePattern();

    private static void CheckIdentity(HardwareProfile p, List<ProfileError> errors)
    {
        if (!IdPattern().IsMatch(p.Id))
        {
            errors.Add(new("$.id", "\"" + p.Id + "\" is not a short lower-case name (a-z, 0-9, '-', at most 48 characters)"));
        }

        if (p.Name.Trim().Length == 0)
        {
            errors.Add(new("$.name", "must not be empty"));
        }

        if (p.Mcu.Trim().Length == 0)
        {
            errors.Add(new("$.mcu", "must not be empty"));
        }

        CheckNanoffTarget(p, errors);
    }

    private static void CheckNanoffTarget(HardwareProfile p, List<ProfileError> errors)
    {
        if (p.NanoffTarget.Length == 0)
        {
            errors.Add(new("$.nanoffTarget", "must name the nanoff firmware target"));
            return;
        }

        NanoffTargets.Target? target = NanoffTargets.Find(p.NanoffTarget);
        if (target is null)
        {
            errors.Add(new("$.nanoffTarget", "unknown nanoff target \"" + p.NanoffTarget + "\"; known targets: "
                + string.Join(", ", NanoffTargets.Known.Select(t => t.Name))));
            return;
        }

        NanoffTargets.Family? family = NanoffTargets.FamilyOfMcu(p.Mcu);
        if (family != target.Family)
        {
            errors.Add(new("$.nanoffTarget", "target " + target.Name + " is for " + target.Family + " parts, but mcu is \"" + p.Mcu + "\""));
        }

        bool hasPsram = p.Memory.ExternalRam?.Kind == ExternalRamKind.Psram;
        if (hasPsram != target.SupportsPsram)
        {
            errors.Add(new("$.nanoffTarget", hasPsram
                ? "target " + target.Name + " is a build without PSRAM support, but the board has PSRAM"
                : "target " + target.Name + " is a PSRAM build, but memory.externalRam declares no PSRAM"));
        }
    }

    private static void CheckMemory(HardwareProfile p, List<ProfileError> errors)
    {
        long addressable = (long)p.Memory.RamBytes + (p.Memory.ExternalRam?.Bytes ?? 0);
        if (p.Memory.ManagedHeapBytes > addressable)
        {
            errors.Add(new("$.memory.managedHeapBytes", "is " + p.Memory.ManagedHeapBytes + ", more than the board's "
                + addressable + " bytes of RAM"));
        }
    }

    private static void CheckPins(HardwareProfile p, List<ProfileError> errors)
    {
        var firstByNumber = new Dictionary<int, int>();
        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < p.Pins.Count; i++)
        {
            PinSpec pin = p.Pins[i];
            string at = "$.pins[" + i + "]";
            if (!firstByNumber.TryAdd(pin.Number, i))
            {
                errors.Add(new(at + ".number", "duplicate pin " + pin.Number + " (already at $.pins[" + firstByNumber[pin.Number] + "])"));
            }

            if (!firstByName.TryAdd(pin.Name, i))
            {
                errors.Add(new(at + ".name", "duplicate pin name \"" + pin.Name + "\" (already at $.pins[" + firstByName[pin.Name] + "])"));
            }

            if (!pin.Has(PinCapabilities.Input) && (pin.Capabilities & (PinCapabilities.PullUp | PinCapabilities.PullDown | PinCapabilities.Interrupt)) != 0)
            {
                errors.Add(new(at + ".capabilities", "pullup, pulldown and interrupt need the input capability"));
            }

            if (!pin.Has(PinCapabilities.Output) && pin.Has(PinCapabilities.Pwm))
            {
                errors.Add(new(at + ".capabilities", "pwm needs the output capability"));
            }
        }
    }

    private static void CheckLeds(HardwareProfile p, List<ProfileError> errors)
    {
        CheckUniqueNames(p.Leds.Select(l => l.Name).ToList(), "$.leds", errors);
        for (int i = 0; i < p.Leds.Count; i++)
        {
            string at = "$.leds[" + i + "].pin";
            PinSpec? pin = UsablePin(p, p.Leds[i].Pin, at, errors);
            if (pin is not null && !pin.Has(PinCapabilities.Output))
            {
                errors.Add(new(at, "pin " + pin.Number + " (" + pin.Name + ") has no output capability, so it cannot drive an LED"));
            }
        }
    }

    private static void CheckButtons(HardwareProfile p, List<ProfileError> errors)
    {
        CheckUniqueNames(p.Buttons.Select(b => b.Name).ToList(), "$.buttons", errors);
        for (int i = 0; i < p.Buttons.Count; i++)
        {
            ButtonSpec button = p.Buttons[i];
            string at = "$.buttons[" + i + "].pin";
            PinSpec? pin = UsablePin(p, button.Pin, at, errors);
            if (pin is not null && !pin.Has(PinCapabilities.Input | PinCapabilities.Interrupt))
            {
                errors.Add(new(at, "pin " + pin.Number + " (" + pin.Name + ") needs input and interrupt capabilities to read a button"));
            }

            int led = p.Leds.ToList().FindIndex(l => l.Pin == button.Pin);
            if (led >= 0)
            {
                errors.Add(new(at, "pin " + button.Pin + " already drives $.leds[" + led + "]; a pin is either an LED or a button"));
            }
        }
    }

    private static PinSpec? UsablePin(HardwareProfile p, int number, string at, List<ProfileError> errors)
    {
        PinSpec? pin = p.FindPin(number);
        if (pin is null)
        {
            errors.Add(new(at, "no pin " + number + " in $.pins"));
        }
        else if (pin.Reserved)
        {
            errors.Add(new(at, "pin " + number + " (" + pin.Name + ") is reserved"));
            return null;
        }

        return pin;
    }

    private static void CheckI2cBuses(HardwareProfile p, HashSet<int> busPins, List<ProfileError> errors)
    {
        for (int i = 0; i < p.I2cBuses.Count; i++)
        {
            I2cBusSpec bus = p.I2cBuses[i];
            string path = "$.i2c[" + i + "]";
            if (p.I2cBuses.Take(i).Any(b => b.Bus == bus.Bus))
            {
                errors.Add(new(path + ".bus", "bus " + bus.Bus + " is described twice"));
            }
            ClaimBusPin(p, busPins, bus.Sda, path + ".sda", InputOutput, errors);
            ClaimBusPin(p, busPins, bus.Scl, path + ".scl", InputOutput, errors);
            for (int k = 0; k < bus.Devices.Count; k++)
            {
                if (bus.Devices.Take(k).Any(d => d.Address == bus.Devices[k].Address))
                {
                    errors.Add(new(path + ".devices[" + k + "].address", "address " + bus.Devices[k].Address + " is used twice on bus " + bus.Bus));
                }
            }
        }
    }

    private const PinCapabilities InputOutput = PinCapabilities.Input | PinCapabilities.Output;

    /// <summary>A bus, port or channel pin must be a free pin with <paramref name="needs"/>, used by nothing else.</summary>
    private static void ClaimBusPin(HardwareProfile p, HashSet<int> busPins, int pin, string path, PinCapabilities needs, List<ProfileError> errors)
    {
        PinSpec? spec = p.FindPin(pin);
        if (spec is null || !spec.Has(needs) || spec.Reserved)
        {
            errors.Add(new(path, "pin " + pin + " is not a free " + needs.ToString().ToLowerInvariant().Replace(", ", "/") + " pin of the board"));
        }
        else if (!busPins.Add(pin) || p.Leds.Any(l => l.Pin == pin) || p.Buttons.Any(b => b.Pin == pin))
        {
            errors.Add(new(path, "pin " + pin + " is already used by another bus, an LED or a button"));
        }
    }

    private static void CheckBusDevices(HardwareProfile p, List<ProfileError> errors)
    {
        var names = p.Sensors.Select((s, i) => (s.Name, Path: "$.sensors[" + i + "].name"))
            .Concat(p.Actuators.Select((a, i) => (a.Name, Path: "$.actuators[" + i + "].name")));
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in names)
        {
            if (!DeviceNamePattern().IsMatch(name))
            {
                errors.Add(new(path, "\"" + name + "\" is not a short lower-case name (a-z, 0-9, '-', at most 32 characters)"));
            }
            else if (!first.TryAdd(name, path))
            {
                errors.Add(new(path, "duplicate device name \"" + name + "\" (already at " + first[name] + ")"));
            }
        }

        for (int i = 0; i < p.Actuators.Count; i++)
        {
            ActuatorSpec a = p.Actuators[i];
            string at = "$.actuators[" + i + "]";
            if (a.Min > a.Max)
            {
                errors.Add(new(at + ".min", "is " + a.Min + ", above max " + a.Max));
            }
            else if (a.Initial < a.Min || a.Initial > a.Max)
            {
                errors.Add(new(at + ".initial", "is " + a.Initial + ", outside [" + a.Min + ", " + a.Max + "]"));
            }
        }
    }

    private static void CheckUniqueNames(IReadOnlyList<string> names, string at, List<ProfileError> errors)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            string path = at + "[" + i + "].name";
            if (!DeviceNamePattern().IsMatch(names[i]))
            {
                errors.Add(new(path, "\"" + names[i] + "\" is not a short lower-case name (a-z, 0-9, '-', at most 32 characters)"));
            }
            else if (!first.TryAdd(names[i], i))
            {
                errors.Add(new(path, "duplicate name \"" + names[i] + "\" (already at " + at + "[" + first[names[i]] + "])"));
            }
        }
    }

    private static void CheckStorage(HardwareProfile p, List<ProfileError> errors)
    {
        string? expected = p.Storage.Kind switch
        {
            StorageKind.InternalFlash => "I:",
            StorageKind.SdCard => "D:",
            _ => null,
        };
        if (expected is not null && p.Storage.Drive != expected)
        {
            errors.Add(new("$.storage.drive", "is \"" + p.Storage.Drive + "\", but nanoFramework mounts "
                + (p.Storage.Kind == StorageKind.InternalFlash ? "internal flash" : "the SD card") + " as " + expected));
        }
    }

    private static void CheckFeatures(HardwareProfile p, List<ProfileError> errors)
    {
        FeatureSet f = p.Features;
        if (p.Network == NetworkKind.None)
        {
            if (f.Mqtt)
            {
                errors.Add(new("$.features.mqtt", "needs a network, but network is \"none\""));
            }

            if (f.Coap)
            {
                errors.Add(new("$.features.coap", "needs a network, but network is \"none\""));
            }
        }

        if (f.MqttTls && !f.Mqtt)
        {
            errors.Add(new("$.features.mqttTls", "needs mqtt"));
        }

        if (f.PersistentStorage && p.Storage.Kind == StorageKind.None)
        {
            errors.Add(new("$.features.persistentStorage", "needs storage, but storage.kind is \"none\""));
        }

        if (f.SignedUpdates && !f.PersistentStorage)
        {
            errors.Add(new("$.features.signedUpdates", "needs persistentStorage to keep the anti-rollback sequence numbers"));
        }
    }

    private static void CheckLimits(HardwareProfile p, List<ProfileError> errors)
    {
        LimitSpec l = p.Limits;
        if (l.RuntimeReserveBytes >= p.Memory.ManagedHeapBytes)
        {
            errors.Add(new("$.limits.runtimeReserveBytes", "is " + l.RuntimeReserveBytes + ", leaving nothing of the "
                + p.Memory.ManagedHeapBytes + "-byte managed heap for containers"));
            return;
        }

        int derived = ContainerLimits.MaxContainers(p.Memory.ManagedHeapBytes, l);
        string formula = "min(" + ContainerLimits.MaxContainersCap + ", (" + p.Memory.ManagedHeapBytes + " - " + l.RuntimeReserveBytes
            + ") / (" + l.ContainerOverheadBytes + " + " + ContainerLimits.ImageFactor + " * " + l.MaxImageBytes + " + "
            + l.StackFrames + " * " + ContainerLimits.BytesPerStackFrame + "))";
        if (derived == 0)
        {
            errors.Add(new("$.limits", "the heap budget fits no container: " + formula + " = 0"));
        }
        else if (l.MaxContainers != derived)
        {
            errors.Add(new("$.limits.maxContainers", "is " + l.MaxContainers + ", but the formula gives " + formula + " = " + derived));
        }
    }
}
