// Mirrors nanoFramework.M2Mqtt 5.1.220 (nanoFramework.M2Mqtt.Core), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/nanoFramework.m2mqtt tag v5.1.220, nanoFramework.M2Mqtt.Core/ (the package ships this assembly beside nanoFramework.M2Mqtt).

using System;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public interface IMqttClient
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
    }
}
