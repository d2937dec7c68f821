namespace WasmBox.Nano.Device.Networked.Messaging
{
    /// <summary>What an <see cref="IMqttConnection"/> reports from its receive thread.</summary>
    public interface IMqttEvents
    {
        void OnMessage(string topic, byte[] payload);

        void OnClosed();
    }
}
