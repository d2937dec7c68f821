using WasmBox.Nano.Bundle;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Signing.Authoring;
using BundleHookKind = WasmBox.Nano.Bundle.HookKind;

namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>
/// Installs a built sample into a runtime the way a board would from its bundle: the manifest's
/// hooks, pins and sensors become the container manifest; rodata and data (with the .bss
/// zeros after it) are mapped. Hook arguments are used verbatim as the runtime's MQTT filter
/// or CoAP path.
/// </summary>
public static class SampleInstaller
{
    public static ContainerManifest Manifest(SampleSpec sample, FunctionImage image) => new(sample.Name)
    {
        Hooks = sample.Hooks.Select(h => ToBinding(RequestSpecs.ParseHook(h, image))).ToArray(),
        Pins = sample.Pins.Select(RequestSpecs.ParsePin).Select(p => new PinGrant(p.Pin, (PinDriveMode)p.Mode)).ToArray(),
        Sensors = sample.Sensors.Select(s => new SensorGrant(s, false)).ToArray(),
        StackFrames = sample.Budgets.StackFrames,
        Data = image.Data.Length + image.BssSize == 0 ? null : [.. image.Data, .. new byte[image.BssSize]],
        Rodata = image.Rodata.Length == 0 ? null : image.Rodata,
    };

    /// <summary>Installs and starts the sample; the result says why when the runtime refuses.</summary>
    public static InstallResult Install(WasmBoxRuntime runtime, SampleSpec sample, FunctionImage image)
    {
        InstallResult result = runtime.Install(sample.Tenant, Manifest(sample, image), image.Text);
        if (result.Ok)
        {
            runtime.Start(result.Container);
        }
        return result;
    }

    private static HookBinding ToBinding(HookRequest hook) => hook.Kind switch
    {
        BundleHookKind.Timer => HookBinding.Timer(hook.PeriodMs),
        BundleHookKind.GpioEdge => HookBinding.GpioEdge(hook.Pin),
        BundleHookKind.Mqtt => HookBinding.Mqtt(hook.Path),
        BundleHookKind.Coap => HookBinding.Coap(hook.Path),
        BundleHookKind.Boot => HookBinding.Boot(),
        _ => HookBinding.Install(),
    };
}
