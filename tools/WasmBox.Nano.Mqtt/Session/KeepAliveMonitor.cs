using System.Diagnostics;

namespace WasmBox.Nano.Mqtt.Session;

/// <summary>
/// Sends PINGREQ when the connection has been quiet for a keep-alive period in either direction,
/// and closes it when the PINGRESP does not arrive within another period (MQTT 3.1.1 section 3.1.2.10).
/// </summary>
internal sealed class KeepAliveMonitor(TimeSpan period, MqttConnection connection)
{
    private static readonly TimeSpan MinimumTick = TimeSpan.FromMilliseconds(50);

    private long _pingSentAt;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Checking four times a period keeps the worst-case gap under the broker's 1.5 periods.
        TimeSpan tick = period / 4 > MinimumTick ? period / 4 : MinimumTick;
        using var timer = new PeriodicTimer(tick);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                long sentAt = Interlocked.Read(ref _pingSentAt);
                if (sentAt != 0)
                {
                    if (Stopwatch.GetElapsedTime(sentAt) >= period)
                    {
                        connection.Close(new TimeoutException($"no PINGRESP within {period.TotalSeconds:0.###} s; the broker is unreachable"));
                        return;
                    }
                }
                else if (connection.Quiet >= period)
                {
                    Interlocked.Exchange(ref _pingSentAt, Stopwatch.GetTimestamp());
                    connection.Send(MqttConnection.PingRequest);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection closed.
        }
    }

    /// <summary>The round trip of the outstanding ping, or null for a PINGRESP nobody asked for.</summary>
    public TimeSpan? OnPingResponse()
    {
        long sentAt = Interlocked.Exchange(ref _pingSentAt, 0);
        return sentAt == 0 ? null : Stopwatch.GetElapsedTime(sentAt);
    }
}
