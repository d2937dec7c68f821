// Mirrors nanoFramework.M2Mqtt 5.1.220 (nanoFramework.M2Mqtt.Core), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/nanoFramework.m2mqtt tag v5.1.220, nanoFramework.M2Mqtt.Core/ (the package ships this assembly beside nanoFramework.M2Mqtt).

using System;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgPublishEventArgs : EventArgs
    {
        internal MqttMsgPublishEventArgs() { throw null; }

        public string Topic { get { throw null; } }

        public byte[] Message { get { throw null; } }
    }
}
