using System.Globalization;
using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Signing.Authoring;

/// <summary>
/// Hook and pin requests written as short text, as `wbx pack` takes them: hooks
/// <c>timer:1000</c>, <c>gpio:4:rising</c>, <c>mqtt:TOPIC</c>, <c>coap:PATH</c>, <c>boot</c>,
/// <c>install</c>, each optionally followed by <c>@ENTRY</c> (an entry point of the image, the
/// first one by default); pins <c>PIN:MODE</c>. Only the syntax is checked here: the value rules
/// (periods, lengths) are the manifest decoder's, applied when the bundle is signed.
/// </summary>
public static class RequestSpecs
{
    public static HookRequest ParseHook(string spec, FunctionImage image)
    {
        string context = "hook '" + spec + "'";
        string body = spec;
        int entry = 0;
        int at = spec.LastIndexOf('@');
        if (at >= 0)
        {
            body = spec[..at];
            entry = EntryIndex(context, spec[(at + 1)..], image);
        }
        string[] parts = body.Split(':', 2);
        var hook = new HookRequest { Kind = RequestNames.ParseHookKind(parts[0]), Entry = entry };
        string? argument = parts.Length > 1 ? parts[1] : null;
        switch (hook.Kind)
        {
            case HookKind.Timer:
                hook.PeriodMs = Number(context, Required(context, argument, "a period in ms"), "the period");
                break;
            case HookKind.GpioEdge:
                string[] pinEdge = Required(context, argument, "PIN:EDGE").Split(':');
                hook.Pin = Number(context, pinEdge[0], "the pin");
                hook.Edge = pinEdge.Length == 2 ? RequestNames.ParseEdge(pinEdge[1]) : -1;
                if (hook.Edge < 0)
                {
                    throw Bad(context, "expected gpio:PIN:EDGE with EDGE one of " + RequestNames.EdgeChoices);
                }
                break;
            case HookKind.Mqtt:
                hook.Path = Required(context, argument, "a topic");
                break;
            case HookKind.Coap:
                hook.Path = Required(context, argument, "a path");
                break;
            case HookKind.Boot:
            case HookKind.Install:
                if (argument is not null)
                {
                    throw Bad(context, parts[0] + " takes no argument");
                }
                break;
            default:
                throw Bad(context, "unknown kind '" + parts[0] + "' (timer, gpio, mqtt, coap, boot, install)");
        }
        return hook;
    }

    public static PinRequest ParsePin(string spec)
    {
        string[] parts = spec.Split(':');
        int mode = parts.Length == 2 ? RequestNames.ParsePinMode(parts[1]) : -1;
        string context = "pin '" + spec + "'";
        if (mode < 0)
        {
            throw Bad(context, "expected PIN:MODE with MODE one of " + RequestNames.PinModeChoices);
        }
        return new PinRequest(Number(context, parts[0], "the pin number"), mode);
    }

    /// <summary>The hook's text form without its entry, e.g. "gpio:4:rising".</summary>
    public static string Describe(HookRequest hook)
    {
        string kind = RequestNames.HookKind(hook.Kind);
        return hook.Kind switch
        {
            HookKind.Timer => kind + ":" + hook.PeriodMs.ToString(CultureInfo.InvariantCulture),
            HookKind.GpioEdge => kind + ":" + hook.Pin.ToString(CultureInfo.InvariantCulture) + ":" + RequestNames.Edge(hook.Edge),
            HookKind.Mqtt or HookKind.Coap => kind + ":" + hook.Path,
            _ => kind,
        };
    }

    private static int EntryIndex(string context, string name, FunctionImage image)
    {
        for (int i = 0; i < image.Entries.Length; i++)
        {
            if (image.Entries[i].Name == name)
            {
                return i;
            }
        }
        throw Bad(context, "the image has no entry point '" + name + "' (it has: "
            + string.Join(", ", image.Entries.Select(e => e.Name)) + ")");
    }

    private static string Required(string context, string? argument, string what) =>
        string.IsNullOrEmpty(argument) ? throw Bad(context, "needs " + what) : argument;

    private static int Number(string context, string text, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Bad(context, what + " '" + text + "' is not a whole number");

    private static BundleAuthoringException Bad(string context, string problem) => new(context + ": " + problem);
}
