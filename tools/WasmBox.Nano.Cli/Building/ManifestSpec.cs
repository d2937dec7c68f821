using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Signing.Authoring;

namespace WasmBox.Nano.Cli.Building;

/// <summary>SPI devices, UARTs, PWM and ADC channels in the command line's notation (PeripheralSpecs).</summary>
internal sealed record PeripheralSpec(string[] Spi, string[] Uart, string[] Pwm, string[] Adc)
{
    public static readonly PeripheralSpec None = new([], [], [], []);
}

/// <summary>What a bundle's manifest says besides the image, in the command line's notation (hooks "timer:500", pins "2:output", I2C devices "0:0x44:100000:21:22").</summary>
internal sealed record ManifestSpec(string Tenant, int Slot, long Sequence, string Name, string[] Hooks, string[] Pins, string[] Sensors,
    string[] I2c, PeripheralSpec Peripherals, FunctionBudgets Budgets)
{
    public static ManifestSpec Of(FunctionProject project, long sequence) =>
        new(project.Tenant, project.Slot, sequence, project.Name, project.Hooks, project.Pins, project.Sensors, project.I2c,
            new PeripheralSpec(project.Spi, project.Uart, project.Pwm, project.Adc), project.Budgets);

    /// <summary>The manifest for <paramref name="image"/>; bad hooks, pins or budgets are a <see cref="Io.CliError"/>.</summary>
    public Manifest For(FunctionImage image) => new()
    {
        Tenant = Tenant,
        Slot = Slot,
        Sequence = Sequence,
        Name = Name,
        Hooks = Hooks.Select(h => RequestSpecs.ParseHook(h, image)).ToArray(),
        Pins = Pins.Select(RequestSpecs.ParsePin).ToArray(),
        Sensors = Sensors,
        I2c = I2c.Select(I2cSpecs.Parse).ToArray(),
        Spi = Peripherals.Spi.Select(PeripheralSpecs.ParseSpi).ToArray(),
        Uart = Peripherals.Uart.Select(PeripheralSpecs.ParseUart).ToArray(),
        Pwm = Peripherals.Pwm.Select(c => PeripheralSpecs.ParseChannel("pwm", c)).ToArray(),
        Adc = Peripherals.Adc.Select(c => PeripheralSpecs.ParseChannel("adc", c)).ToArray(),
        InstructionsPerRun = NonNegative(Budgets.Instructions, "instructions"),
        BranchesPerRun = NonNegative(Budgets.Branches, "branches"),
        RamBytes = NonNegative(Budgets.Ram, "ram"),
        StackFrames = NonNegative(Budgets.StackFrames, "stack-frames"),
    };

    private static int NonNegative(int value, string budget) =>
        value >= 0 ? value : throw new Io.CliError("the " + budget + " budget must be 0 or more");
}
