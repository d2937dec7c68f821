using System.Text.Json;
using WasmBox.Nano.Firmware.Tests.Support;
using WasmBox.Nano.Host.Profiles;

namespace WasmBox.Nano.Firmware.Tests;

/// <summary>
/// firmware/flash prints, for every profile, the nanoff command lines that flash that board: the firmware
/// target named by the profile, the connection its family uses (serial for ESP32, JTAG/DFU for STM32), the
/// application that fits it, and a placeholder for the serial port when none is given. The expectations are
/// computed from the profile through the host's own loader, independently of the script's parsing.
/// </summary>
public class FlashScriptTests
{
    public static TheoryData<string, string?> ProfilesAndPorts()
    {
        var data = new TheoryData<string, string?>();
        foreach (string id in Repository.ProfileIds)
        {
            data.Add(id, null);
            data.Add(id, "COM3");
            data.Add(id, "/dev/ttyUSB0");
        }

        return data;
    }

    /// <summary>What the script must print for a profile, derived from the profile alone.</summary>
    static string[] Expected(string id, string? port)
    {
        HardwareProfile profile = FirmwareConfigTests.Load(id);
        string target = profile.NanoffTarget;
        bool esp32 = NanoffTargets.Find(target)!.Family == NanoffTargets.Family.Esp32;
        string serial = port ?? "<PORT>";
        string? app = esp32 && profile.Network == NetworkKind.Wifi ? "Esp32"
            : !esp32 && profile.Network == NetworkKind.Ethernet ? "Stm32"
            : null;
        string image = Path.Combine(Repository.Firmware, app ?? "", "bin", "Release", "WasmBox.Nano.Firmware.bin");
        var lines = new List<string> { "dotnet tool install --global nanoff" };
        lines.Add(esp32 ? $"nanoff --target {target} --serialport {serial} --update" : $"nanoff --target {target} --update --jtag");
        if (app == null)
            lines.Add($"# no WasmBox.Nano application fits {id} (network: {profile.Network.ToString().ToLowerInvariant()}); pass --image to deploy an application of your own");
        else
            lines.Add(esp32
                ? $"nanoff --target {target} --serialport {serial} --deploy --image {image}"
                : $"nanoff --nanodevice --serialport {serial} --deploy --image {image}");
        return lines.ToArray();
    }

    static string[] Args(string profile, string? port, params string[] more) =>
        [.. new[] { "--profile", profile }, .. port == null ? [] : new[] { "--port", port }, .. more];

    [Theory]
    [MemberData(nameof(ProfilesAndPorts))]
    public void Dry_run_prints_the_nanoff_commands_for_the_profile(string id, string? port)
    {
        ScriptResult result = Script.Bash(Args(Repository.ProfilePath(id), port, "--dry-run"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Expected(id, port), result.Lines);
    }

    [Theory]
    [MemberData(nameof(Repository.Profiles), MemberType = typeof(Repository))]
    public void Profile_id_names_the_same_file_as_its_path(string id)
    {
        ScriptResult byId = Script.Bash(Args(id, "COM3", "--dry-run"));

        Assert.Equal(0, byId.ExitCode);
        Assert.Equal(Expected(id, "COM3"), byId.Lines);
    }

    [Fact]
    public void Installed_nanoff_is_updated_instead_of_installed()
    {
        using var bin = new FakeTools("nanoff");

        ScriptResult result = Script.Bash(Args("esp32-devkitc", "COM3", "--dry-run"), bin.Directory + ":" + Script.PlainPath);

        Assert.Equal("dotnet tool update --global nanoff", result.Lines[0]);
    }

    [Fact]
    public void Stm32_over_dfu_uses_dfu_for_the_firmware()
    {
        ScriptResult result = Script.Bash(Args("stm32f769i-discovery", "COM5", "--dfu", "--dry-run"));

        Assert.Equal("nanoff --target ST_STM32F769I_DISCOVERY --update --dfu", result.Lines[1]);
    }

    [Fact]
    public void Address_and_image_with_spaces_are_passed_quoted()
    {
        ScriptResult result = Script.Bash(Args("esp32-wrover-kit", "COM3", "--image", "/tmp/my app/it's.bin", "--address", "0x1B0000", "--dry-run"));

        Assert.Equal(@"nanoff --target ESP_WROVER_KIT --serialport COM3 --deploy --image '/tmp/my app/it'\''s.bin' --address 0x1B0000", result.Lines[2]);
    }

    [Fact]
    public void Provisioning_goes_to_the_internal_drive_through_file_deployment()
    {
        ScriptResult result = Script.Bash(Args("esp32-devkitc", "/dev/ttyUSB0", "--provisioning", "/srv/prov", "--dry-run"));

        Assert.Equal(0, result.ExitCode);
        string note = Assert.Single(result.Lines, l => l.StartsWith("# ", StringComparison.Ordinal) && l.Contains("wbx-filedeployment-esp32-devkitc.json: "));
        using JsonDocument json = JsonDocument.Parse(note[(note.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
        Assert.Equal("/dev/ttyUSB0", json.RootElement.GetProperty("SerialPort").GetString());
        var files = json.RootElement.GetProperty("Files").EnumerateArray()
            .Select(f => (f.GetProperty("DestinationFilePath").GetString(), f.GetProperty("SourceFilePath").GetString())).ToList();
        Assert.Equal([(@"I:\wbx\provisioning.json", "/srv/prov/provisioning.json"), (@"I:\wbx\tenants.json", "/srv/prov/tenants.json")], files);
        Assert.EndsWith("wbx-filedeployment-esp32-devkitc.json", result.Lines[^1]);
        Assert.StartsWith("nanoff --filedeployment ", result.Lines[^1]);
    }

    [Fact]
    public void Provisioning_for_an_sd_card_board_is_a_copy_instruction()
    {
        ScriptResult result = Script.Bash(Args("stm32f769i-discovery", "COM5", "--provisioning", "/srv/prov", "--dry-run"));

        Assert.Equal(@"# stm32f769i-discovery keeps its files on the SD card: copy provisioning.json and tenants.json from /srv/prov to D:\wbx\ on the card",
            result.Lines[^1]);
    }

    [Fact]
    public void Real_run_executes_exactly_the_dry_run_commands()
    {
        using var bin = new FakeTools("nanoff", "dotnet");
        string image = Path.Combine(bin.Directory, "app.bin");
        File.WriteAllBytes(image, [1, 2, 3]);
        string[] args = Args("esp32-devkitc", "COM7", "--image", image);
        string path = bin.Directory + ":" + Script.PlainPath;

        string[] planned = Script.Bash([.. args, "--dry-run"], path).Lines;
        ScriptResult run = Script.Bash(args, path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(planned, bin.Calls());
        Assert.Equal(planned.Select(l => "+ " + l), run.Lines);
    }

    [Fact]
    public void Real_run_needs_a_port_for_an_esp32()
    {
        ScriptResult result = Script.Bash(Args("esp32-devkitc", null));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--port is required for esp32-devkitc", result.Error);
        Assert.Empty(result.Lines);
    }

    [Fact]
    public void Real_run_without_a_built_image_says_how_to_build_it()
    {
        using var bin = new FakeTools("nanoff", "dotnet");

        ScriptResult result = Script.Bash(Args("esp32-devkitc", "COM3", "--image", "/nonexistent/app.bin"), bin.Directory + ":" + Script.PlainPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no application image /nonexistent/app.bin", result.Error);
        Assert.Empty(bin.Calls());
    }

    [Theory]
    [InlineData("{ not json", "is not a readable JSON profile")]
    [InlineData("{\"id\": \"x\", \"nanoffTarget\": \"ESP32_REV0\"}", "network must be a non-empty string")]
    [InlineData("{\"id\": \"x\", \"nanoffTarget\": \"ESP32_REV0; rm -rf /\", \"network\": \"wifi\"}", "is not a target name")]
    [InlineData("{\"id\": \"x\", \"nanoffTarget\": \"TI_CC1352R1_LAUNCHXL\", \"network\": \"none\"}", "cannot tell whether TI_CC1352R1_LAUNCHXL is an ESP32 or an STM32 target")]
    public void Bad_profile_is_refused_with_the_reason(string json, string reason)
    {
        string file = Path.Combine(Path.GetTempPath(), "wbx-flash-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, json);
        try
        {
            ScriptResult result = Script.Bash(Args(file, "COM3", "--dry-run"));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(reason, result.Error);
            Assert.Empty(result.Lines);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new[] { "--profile", "no-such-board", "--dry-run" }, "no profile file")]
    [InlineData(new[] { "--dry-run" }, "--profile is required")]
    [InlineData(new[] { "--profile", "esp32-devkitc", "--speed", "9" }, "unknown argument '--speed'")]
    [InlineData(new[] { "--profile", "esp32-devkitc", "--address", "1B0000", "--dry-run" }, "--address must be hexadecimal")]
    public void Bad_arguments_are_refused(string[] args, string reason)
    {
        ScriptResult result = Script.Bash(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Error);
    }

    [SkippableTheory]
    [MemberData(nameof(ProfilesAndPorts))]
    public void PowerShell_dry_run_prints_the_same_commands(string id, string? port)
    {
        Skip.If(Script.PowerShellExe == null, "pwsh is not installed; firmware/flash.ps1 is checked where it is");

        ScriptResult result = Script.PowerShell(Args(Repository.ProfilePath(id), port, "--dry-run"), Script.PlainPath);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Expected(id, port), result.Lines);
    }
}
