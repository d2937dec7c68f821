using System.Threading.Channels;

namespace WasmBox.Nano.Mqtt.Tests.Support;

/// <summary>Collects received messages, in order, for a test to await one at a time.</summary>
internal sealed class Inbox
{
    private readonly Channel<MqttMessage> _messages = Channel.CreateUnbounded<MqttMessage>();

    public void Add(MqttMessage message) => _messages.Writer.TryWrite(message);

    public async Task<MqttMessage> NextAsync() => await _messages.Reader.ReadAsync().AsTask().WaitAsync(Wait.Timeout);

    public async Task<MqttMessage> NextOnAsync(string topic)
    {
        while (true)
        {
            MqttMessage message = await NextAsync();
            if (message.Topic == topic)
                return message;
        }
    }
}
