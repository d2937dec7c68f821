namespace WasmBox.Nano.Host.Profiles;

/// <summary>
/// Firmware target names that <c>nanoff --target</c> accepts for the reference boards, as listed
/// in the nanoFramework interpreter's reference-target table. A profile must name one of them;
/// add a name here when a profile for a new board is written.
/// </summary>
public static class NanoffTargets
{
    public enum Family { Esp32, Stm32 }

    public sealed record Target(string Name, Family Family, bool SupportsPsram);

    public static readonly IReadOnlyList<Target> Known =
    [
        new("ESP32_REV0", Family.Esp32, false),
        new("ESP32_REV3", Family.Esp32, false),
        new("ESP32_BLE_REV0", Family.Esp32, false),
        new("ESP32_BLE_REV3", Family.Esp32, false),
        new("ESP32_PSRAM_REV0", Family.Esp32, true),
        new("ESP32_PSRAM_REV3", Family.Esp32, true),
        new("ESP32_PSRAM_XTAL26_REV0", Family.Esp32, true),
        new("ESP_WROVER_KIT", Family.Esp32, true),
        new("ESP32_PICO", Family.Esp32, false),
        new("ST_STM32F429I_DISCOVERY", Family.Stm32, false),
        new("ST_STM32F769I_DISCOVERY", Family.Stm32, false),
        new("ST_NUCLEO64_F091RC", Family.Stm32, false),
        new("ORGPAL_PALTHREE", Family.Stm32, false),
    ];

    public static Target? Find(string name) => Known.FirstOrDefault(t => t.Name == name);

    /// <summary>The family an MCU part number belongs to, or null when it is neither.</summary>
    public static Family? FamilyOfMcu(string mcu) =>
        mcu.StartsWith("ESP32", StringComparison.OrdinalIgnoreCase) ? Family.Esp32
        : mcu.StartsWith("STM32", StringComparison.OrdinalIgnoreCase) ? Family.Stm32
        : null;
}
