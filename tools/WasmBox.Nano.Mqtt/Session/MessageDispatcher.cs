using System.Threading.Channels;

namespace WasmBox.Nano.Mqtt.Session;

/// <summary>
/// Hands received messages to the handlers of matching subscriptions, one message at a time in
/// arrival order, away from the read loop (so a handler may publish and await its PUBACK).
/// </summary>
internal sealed class MessageDispatcher
{
    private readonly Channel<MqttMessage> _queue = Channel.CreateUnbounded<MqttMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SubscriptionRegistry _subscriptions;
    private readonly Action<string, Exception> _onHandlerError;

    public MessageDispatcher(SubscriptionRegistry subscriptions, Action<string, Exception> onHandlerError)
    {
        _subscriptions = subscriptions;
        _onHandlerError = onHandlerError;
        _ = Task.Run(RunAsync);
    }

    public void Post(MqttMessage message) => _queue.Writer.TryWrite(message);

    /// <summary>Stops taking messages; those already queued are still delivered.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private async Task RunAsync()
    {
        await foreach (MqttMessage message in _queue.Reader.ReadAllAsync())
        {
            foreach (Func<MqttMessage, Task> handler in _subscriptions.HandlersFor(message.Topic))
            {
                try
                {
                    await handler(message);
                }
                catch (Exception e)
                {
                    _onHandlerError($"handler for a message on '{message.Topic}'", e);
                }
            }
        }
    }
}
