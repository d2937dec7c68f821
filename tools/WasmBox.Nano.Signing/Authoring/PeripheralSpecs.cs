using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Signing.Authoring;

/// <summary>
/// SPI, UART, PWM and ADC requests as `wbx pack` and wbx.json take them:
/// <c>--spi BUS:CS:CLOCK:MODE:MOSI:MISO:SCK</c> (e.g. <c>0:5:1000000:0:23:19:18</c>),
/// <c>--uart PORT:BAUD:TX:RX</c> (<c>1:115200:17:16</c>), <c>--pwm CHANNEL:PIN</c> (<c>0:25</c>) and
/// <c>--adc CHANNEL:PIN</c> (<c>6:34</c>). Only the syntax is checked here; the ranges are the
/// manifest decoder's, applied when signing.
/// </summary>
public static class PeripheralSpecs
{
    private static readonly string[] SpiFields = ["bus", "chip-select pin", "clock", "mode", "MOSI pin", "MISO pin", "SCK pin"];
    private static readonly string[] UartFields = ["port", "baud", "TX pin", "RX pin"];
    private static readonly string[] ChannelFields = ["channel", "pin"];

    public static SpiRequest ParseSpi(string spec)
    {
        int[] f = Fields("spi", spec, "BUS:CS:CLOCK:MODE:MOSI:MISO:SCK, e.g. 0:5:1000000:0:23:19:18", SpiFields);
        return new SpiRequest(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
    }

    public static UartRequest ParseUart(string spec)
    {
        int[] f = Fields("uart", spec, "PORT:BAUD:TX:RX, e.g. 1:115200:17:16", UartFields);
        return new UartRequest(f[0], f[1], f[2], f[3]);
    }

    /// <summary>A PWM or ADC channel; <paramref name="kind"/> is "pwm" or "adc" for messages.</summary>
    public static ChannelRequest ParseChannel(string kind, string spec)
    {
        int[] f = Fields(kind, spec, "CHANNEL:PIN, e.g. 0:25", ChannelFields);
        return new ChannelRequest(f[0], f[1]);
    }

    /// <summary>"0 cs 5 @1000000 Hz mode 0 (mosi 23, miso 19, sck 18)".</summary>
    public static string Describe(SpiRequest d) =>
        d.Bus + " cs " + d.ChipSelect + " @" + d.ClockHz + " Hz mode " + d.Mode + " (mosi " + d.Mosi + ", miso " + d.Miso + ", sck " + d.Sck + ")";

    /// <summary>"1 @115200 baud (tx 17, rx 16)".</summary>
    public static string Describe(UartRequest u) => u.Port + " @" + u.Baud + " baud (tx " + u.Tx + ", rx " + u.Rx + ")";

    /// <summary>"0 (pin 25)".</summary>
    public static string Describe(ChannelRequest c) => c.Channel + " (pin " + c.Pin + ")";

    /// <summary>The manifest's SPI, UART, PWM and ADC declarations as labelled lists of descriptions, for printing.</summary>
    public static (string Label, string[] Items)[] Lines(Manifest m) =>
    [
        ("spi", m.Spi.Select(Describe).ToArray()),
        ("uart", m.Uart.Select(Describe).ToArray()),
        ("pwm", m.Pwm.Select(Describe).ToArray()),
        ("adc", m.Adc.Select(Describe).ToArray()),
    ];

    private static int[] Fields(string kind, string spec, string shape, string[] names)
    {
        string context = kind + " '" + spec + "'";
        string[] parts = spec.Split(':');
        if (parts.Length != names.Length)
        {
            throw new BundleAuthoringException(context + ": expected " + shape);
        }
        return parts.Select((p, i) => I2cSpecs.Number(context, p, names[i])).ToArray();
    }
}
