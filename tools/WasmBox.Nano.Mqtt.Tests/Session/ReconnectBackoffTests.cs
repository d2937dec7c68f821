using WasmBox.Nano.Mqtt.Session;

namespace WasmBox.Nano.Mqtt.Tests.Session;

public class ReconnectBackoffTests
{
    private static readonly MqttReconnectPolicy Policy = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(2),
        Jitter = 0.2,
    };

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 200)]
    [InlineData(3, 800)]
    [InlineData(4, 1600)]
    [InlineData(5, 2000)]
    [InlineData(1000, 2000)]
    public void Doubles_up_to_the_cap_without_jitter(int attempt, int expectedMs)
    {
        var backoff = new ReconnectBackoff(Policy, () => 0.5);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), backoff.DelayFor(attempt));
    }

    [Theory]
    [InlineData(0, 80, 120)]
    [InlineData(2, 320, 480)]
    [InlineData(10, 1600, 2000)]
    public void Jitter_spreads_within_its_fraction_and_never_past_the_cap(int attempt, int lowMs, int highMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(lowMs), new ReconnectBackoff(Policy, () => 0.0).DelayFor(attempt));
        Assert.Equal(TimeSpan.FromMilliseconds(highMs), new ReconnectBackoff(Policy, () => 1.0).DelayFor(attempt));
    }
}
