using System.CommandLine;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WasmBox.Nano.Cli.Commands;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Buses;
using WasmBox.Nano.Device.Esp32;
using WasmBox.Nano.Firmware.Tests.Support;
using WasmBox.Nano.Gate;
using WasmBox.Nano.Host.Profiles;

namespace WasmBox.Nano.Firmware.Tests;

/// <summary>
/// wbx firmware-config turns every profile into a BoardConfig.cs that compiles in both firmware applications
/// through the nanoFramework gate, and whose BoardDescription carries exactly the profile's data.
/// </summary>
public class FirmwareConfigTests
{
    // Compiling the facades takes a moment; every test shares them.
    static readonly FacadeLibrary Facades = new(Repository.Facades);

    internal static HardwareProfile Load(string id) => FirmwareConfigCommand.Load(Repository.ProfilePath(id));

    [Theory]
    [MemberData(nameof(Repository.Profiles), MemberType = typeof(Repository))]
    public void Generated_config_passes_the_gate_in_both_firmware_applications(string id)
    {
        using var tree = DeviceTree.Copy();
        File.WriteAllText(Path.Combine(tree.Root, "firmware", "BoardConfig.cs"), FirmwareConfigCommand.Generate(Load(id)));
        string[] apps = ["firmware/Esp32/WasmBox.Nano.Firmware.Esp32.nfproj", "firmware/Stm32/WasmBox.Nano.Firmware.Stm32.nfproj"];

        var results = new Gate.Gate(Facades, tree.Root).CheckProjects(apps.Select(a => Path.Combine(tree.Root, a)));

        foreach (string app in apps)
        {
            var own = Assert.Single(results, r => r.DisplayPath == app);
            Assert.True(own.Ok, string.Join(Environment.NewLine, own.Errors));
        }
    }

    [Theory]
    [MemberData(nameof(Repository.Profiles), MemberType = typeof(Repository))]
    public void Generated_config_describes_exactly_the_profile(string id)
    {
        HardwareProfile p = Load(id);

        BoardDescription d = CompileAndCreate(FirmwareConfigCommand.Generate(p));

        Assert.Equal(p.Id, d.ProfileId);
        Assert.Equal(p.Name, d.Name);
        Assert.Equal(p.NanoffTarget, d.NanoffTarget);
        Assert.Equal(NanoffTargets.Find(p.NanoffTarget)!.Family == NanoffTargets.Family.Esp32 ? "esp32" : "stm32", d.Family);
        Assert.Equal(p.Memory.ManagedHeapBytes, d.ManagedHeapBytes);
        Assert.Equal(p.Memory.ManagedHeapBytes - p.Limits.RuntimeReserveBytes, d.HeapBudgetBytes);
        Assert.Equal(p.Limits.MaxContainers, d.MaxContainers);
        Assert.Equal(p.Limits.MaxImageBytes, d.MaxImageBytes);
        Assert.Equal(p.Limits.StackFrames, d.StackFrames);
        Assert.Equal(p.Network.ToString().ToLowerInvariant(), d.Network);
        Assert.Equal(p.Storage.Drive, d.StorageDrive);
        Assert.Equal((p.Features.Mqtt, p.Features.MqttTls, p.Features.Coap, p.Features.PersistentStorage, p.Features.SignedUpdates),
            (d.Mqtt, d.MqttTls, d.Coap, d.PersistentStorage, d.SignedUpdates));
        Assert.Equal(p.Pins.Select(x => (x.Number, x.Name, (int)x.Capabilities, x.Reserved)),
            d.Pins.Select(x => (x.Number, x.Name, x.Capabilities, x.Reserved)));
        Assert.Equal(p.Leds.Select(x => (x.Name, x.Pin, x.ActiveLevel == ActiveLevel.High)), d.Leds.Select(x => (x.Name, x.Pin, x.ActiveHigh)));
        Assert.Equal(p.Buttons.Select(x => (x.Name, x.Pin, x.ActiveLevel == ActiveLevel.High)), d.Buttons.Select(x => (x.Name, x.Pin, x.ActiveHigh)));
        var registry = p.Sensors.Select(s => (s.Name, SensorTypes.Sensors[s.Type], s.Scale, false, 0, 0))
            .Concat(p.Actuators.Select(a => (a.Name, SensorTypes.Actuators[a.Type], a.Scale, true, a.Min, a.Max)));
        Assert.Equal(registry, d.Sensors.Select(s => (s.Name, s.TypeId, s.Scale, s.IsActuator, s.Min, s.Max)));
        Assert.Empty(d.PinFunctions);
        Assert.Equal(p.I2cBuses.Select(x => (x.Bus, x.Sda, x.Scl)), d.I2cBuses.Select(x => (x.Number, x.SdaPin, x.SclPin)));
        var peripherals = p.Peripherals;
        Assert.Equal(peripherals.Spi.Select(x => (x.Bus, x.Mosi, x.Miso, x.Sck)), d.SpiBuses.Select(x => (x.Number, x.MosiPin, x.MisoPin, x.ClockPin)));
        Assert.Equal(peripherals.Uarts.Select(x => (x.Port, x.Tx, x.Rx)), d.Uarts.Select(x => (x.Number, x.TxPin, x.RxPin)));
        Assert.Equal(peripherals.Pwm.Select(x => (x.Channel, x.Pin)), d.PwmChannels.Select(x => (x.Number, x.Pin)));
        Assert.Equal(peripherals.Adc.Select(x => (x.Channel, x.Pin, x.Channel)), d.AdcChannels.Select(x => (x.Number, x.Pin, x.Channel)));
        // What the host validated, the board's own check accepts: the firmware boots with this description.
        Assert.Null(BusWiring.Problem(d));
    }

    [Fact]
    public void Every_i2c_bus_of_the_profile_is_carried_in_order_with_its_pins()
    {
        string dir = Directory.CreateTempSubdirectory("wbx-i2cprofile-").FullName;
        try
        {
            string json = File.ReadAllText(Repository.ProfilePath("esp32-devkitc")).Replace("  \"i2c\": [\n",
                "  \"i2c\": [\n    {\"bus\": 1, \"sda\": 13, \"scl\": 14, \"devices\": []},\n");
            string path = Path.Combine(dir, "esp32-devkitc.json");
            File.WriteAllText(path, json);

            BoardDescription d = CompileAndCreate(FirmwareConfigCommand.Generate(FirmwareConfigCommand.Load(path)));

            Assert.Equal([(1, 13, 14), (0, 21, 22)], d.I2cBuses.Select(x => (x.Number, x.SdaPin, x.SclPin)));
            Assert.Null(BusWiring.Problem(d));
            int[] i2cPins = [13, 14, 21, 22];
            Assert.Equal([(13, 0x20200), (14, 0x20201), (21, 0x20100), (22, 0x20101)],
                Esp32BusPins.Plan(d).Where(f => i2cPins.Contains(f.Pin)).Select(f => (f.Pin, f.Function)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Capability_flags_match_the_host_profile_flags()
    {
        // The generator writes names, the test compares numbers: both sides must mean the same bits.
        Assert.Equal((int)PinCapabilities.Input, PinCapability.Input);
        Assert.Equal((int)PinCapabilities.Output, PinCapability.Output);
        Assert.Equal((int)PinCapabilities.PullUp, PinCapability.PullUp);
        Assert.Equal((int)PinCapabilities.PullDown, PinCapability.PullDown);
        Assert.Equal((int)PinCapabilities.Pwm, PinCapability.Pwm);
        Assert.Equal((int)PinCapabilities.Adc, PinCapability.Adc);
        Assert.Equal((int)PinCapabilities.Interrupt, PinCapability.Interrupt);
    }

    [Theory]
    [MemberData(nameof(Repository.Profiles), MemberType = typeof(Repository))]
    public void Output_is_plain_ascii_and_the_same_every_time(string id)
    {
        string first = FirmwareConfigCommand.Generate(Load(id));

        Assert.Equal(first, FirmwareConfigCommand.Generate(Load(id)));
        Assert.All(first, c => Assert.True(c == '\n' || (c >= ' ' && c <= '~'), "character U+" + ((int)c).ToString("x4")));
        Assert.DoesNotContain("\r", first);
    }

    [Fact]
    public void Checked_in_board_config_is_the_generated_one_for_its_profile()
    {
        string checkedIn = File.ReadAllText(Path.Combine(Repository.Firmware, "BoardConfig.cs"));
        string id = checkedIn.Split("--profile ")[1].Split('`')[0];

        Assert.Equal(FirmwareConfigCommand.Generate(Load(id)), checkedIn);
    }

    [Fact]
    public void Command_writes_the_file_named_by_output()
    {
        string file = Path.Combine(Path.GetTempPath(), "wbx-boardconfig-" + Guid.NewGuid().ToString("N") + ".cs");
        try
        {
            var (exit, _, error) = Invoke("firmware-config", "--profile", Repository.ProfilePath("nucleo-f091rc"), "-o", file);

            Assert.Equal(0, exit);
            Assert.Equal(FirmwareConfigCommand.Generate(Load("nucleo-f091rc")), File.ReadAllText(file));
            Assert.Contains("wrote " + file, error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Command_prints_to_standard_output_without_output()
    {
        var (exit, output, _) = Invoke("firmware-config", "--profile", Repository.ProfilePath("esp32-wrover-kit"));

        Assert.Equal(0, exit);
        Assert.Equal(FirmwareConfigCommand.Generate(Load("esp32-wrover-kit")), output);
    }

    [Fact]
    public void Bad_profile_fails_with_every_reason_and_writes_nothing()
    {
        string dir = Directory.CreateTempSubdirectory("wbx-badprofile-").FullName;
        try
        {
            int maxContainers = Load("esp32-devkitc").Limits.MaxContainers;
            string json = File.ReadAllText(Repository.ProfilePath("esp32-devkitc"))
                .Replace("\"nanoffTarget\": \"ESP32_REV0\"", "\"nanoffTarget\": \"ESP32_NOPE\"")
                .Replace("\"maxContainers\": " + maxContainers, "\"maxContainers\": " + (maxContainers + 1));
            string profile = Path.Combine(dir, "esp32-devkitc.json");
            File.WriteAllText(profile, json);
            string output = Path.Combine(dir, "BoardConfig.cs");

            var (exit, _, error) = Invoke("firmware-config", "--profile", profile, "-o", output);

            Assert.Equal(CommandGuard.Failure, exit);
            Assert.StartsWith("wbx: error: profile " + profile + " is not usable:", error);
            Assert.Contains("$.nanoffTarget", error);
            Assert.Contains("$.limits.maxContainers", error);
            Assert.False(File.Exists(output));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Unknown_profile_name_lists_the_shipped_ones()
    {
        var (exit, _, error) = Invoke("firmware-config", "--profile", "esp8266");

        Assert.Equal(CommandGuard.Failure, exit);
        Assert.Contains("no profile named \"esp8266\"", error);
        Assert.Contains("esp32-devkitc", error);
    }

    [Fact]
    public void Missing_profile_option_is_a_usage_error()
    {
        var (exit, _, error) = Invoke("firmware-config");

        Assert.NotEqual(0, exit);
        Assert.Contains("--profile", error);
    }

    static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand { FirmwareConfigCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        TextWriter oldOut = Console.Out, oldError = Console.Error;
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            ParseResult parse = root.Parse(args);
            int exit = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    /// <summary>Compiles a generated BoardConfig.cs on the host against this assembly's copy of the board types and runs Create().</summary>
    static BoardDescription CompileAndCreate(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(BoardDescription).Assembly.Location));
        var compilation = CSharpCompilation.Create("BoardConfigCheck", [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp7_3))],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        Type config = Assembly.Load(image.ToArray()).GetType("WasmBox.Nano.Firmware.BoardConfig", throwOnError: true)!;
        return (BoardDescription)config.GetMethod("Create")!.Invoke(null, null)!;
    }
}
