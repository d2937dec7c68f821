namespace WasmBox.Nano.Device.Networked.Messaging
{
    /// <summary>Makes a new, not yet connected <see cref="IMqttConnection"/> for each connection attempt.</summary>
    public interface IMqttConnector
    {
        /// <summary>The client reports what it receives, and its connection closing, to <paramref name="events"/>.</summary>
        IMqttConnection Create(IMqttEvents events);
    }
}
