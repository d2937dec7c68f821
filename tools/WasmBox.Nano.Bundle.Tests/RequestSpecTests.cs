using WasmBox.Nano.Bundle.Tests.Support;
using WasmBox.Nano.Signing;
using WasmBox.Nano.Signing.Authoring;

namespace WasmBox.Nano.Bundle.Tests;

/// <summary>The text forms of hooks and pins that `wbx pack` takes.</summary>
public class RequestSpecTests
{
    private static readonly FunctionImage Image = Samples.Image();

    [Theory]
    [InlineData("timer:1000", HookKind.Timer, 0)]
    [InlineData("gpio:4:rising", HookKind.GpioEdge, 0)]
    [InlineData("gpio:4:both@tick", HookKind.GpioEdge, 1)]
    [InlineData("mqtt:sensors/+/temp", HookKind.Mqtt, 0)]
    [InlineData("coap:led@main", HookKind.Coap, 0)]
    [InlineData("boot", HookKind.Boot, 0)]
    [InlineData("install@tick", HookKind.Install, 1)]
    public void Hooks_parse_and_describe_back(string spec, int kind, int entry)
    {
        HookRequest hook = RequestSpecs.ParseHook(spec, Image);

        Assert.Equal(kind, hook.Kind);
        Assert.Equal(entry, hook.Entry);
        Assert.Equal(spec.Split('@')[0], RequestSpecs.Describe(hook));
    }

    [Fact]
    public void Hook_arguments_land_in_their_fields()
    {
        HookRequest gpio = RequestSpecs.ParseHook("gpio:12:falling", Image);
        Assert.Equal((12, 2), (gpio.Pin, gpio.Edge));
        Assert.Equal(250, RequestSpecs.ParseHook("timer:250", Image).PeriodMs);
        Assert.Equal("a:b", RequestSpecs.ParseHook("mqtt:a:b", Image).Path);
    }

    [Theory]
    [InlineData("timer", "needs a period in ms")]
    [InlineData("timer:1s", "the period '1s' is not a whole number")]
    [InlineData("timer:-5", "is not a whole number")]
    [InlineData("gpio:4", "expected gpio:PIN:EDGE")]
    [InlineData("gpio:4:up", "EDGE one of rising, falling, both")]
    [InlineData("gpio:x:rising", "the pin 'x'")]
    [InlineData("mqtt:", "needs a topic")]
    [InlineData("boot:now", "boot takes no argument")]
    [InlineData("cron:5", "unknown kind 'cron'")]
    [InlineData("timer:100@loop", "no entry point 'loop' (it has: main, tick)")]
    public void Bad_hooks_say_what_is_wrong(string spec, string message)
    {
        var e = Assert.Throws<BundleAuthoringException>(() => RequestSpecs.ParseHook(spec, Image));
        Assert.StartsWith("hook '" + spec + "': ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("2:input", 2, 0)]
    [InlineData("3:input-pullup", 3, 1)]
    [InlineData("4:input-pulldown", 4, 2)]
    [InlineData("5:output", 5, 3)]
    public void Pins_parse(string spec, int pin, int mode)
    {
        PinRequest request = RequestSpecs.ParsePin(spec);
        Assert.Equal((pin, mode), (request.Pin, request.Mode));
        Assert.Equal(spec.Split(':')[1], RequestNames.PinMode(mode));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("2:out")]
    [InlineData("x:output")]
    [InlineData("2:output:1")]
    public void Bad_pins_are_refused(string spec)
    {
        var e = Assert.Throws<BundleAuthoringException>(() => RequestSpecs.ParsePin(spec));
        Assert.StartsWith("pin '" + spec + "': ", e.Message);
    }
}
