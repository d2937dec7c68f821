namespace WasmBox.Nano.Deploy.Fleet;

/// <summary>
/// How a fleet comes online on a busy machine and broker: a bounded number of devices connecting
/// at once, a failed connect that may pass (refused, timed out, closed) tried again with back-off,
/// and a progress line now and then so a long start-up is visibly moving.
/// </summary>
public sealed record FleetStartup
{
    /// <summary>Devices connecting at the same time: a broker takes a steady stream better than a storm.</summary>
    public int Parallelism { get; init; } = 16;

    /// <summary>Tries per device before the start-up fails; only failures that may pass are tried again.</summary>
    public int ConnectAttempts { get; init; } = 8;

    /// <summary>Wait before a device's second try; doubles per try (±20 % jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time between progress lines during start-up.</summary>
    public TimeSpan ProgressPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong with these settings, or null.</summary>
    public string? SettingsError() =>
        Parallelism < 1 ? "the connect parallelism must be at least 1"
        : ConnectAttempts < 1 ? "the connect attempts must be at least 1"
        : RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay ? "the retry delays must be positive, the first no longer than the last"
        : ProgressPeriod <= TimeSpan.Zero ? "the progress period must be positive"
        : null;
}
