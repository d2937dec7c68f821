// Mirrors nanoFramework.M2Mqtt 5.1.220 (nanoFramework.M2Mqtt.Core), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/nanoFramework.m2mqtt tag v5.1.220, nanoFramework.M2Mqtt.Core/ (the package ships this assembly beside nanoFramework.M2Mqtt).

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }
}
