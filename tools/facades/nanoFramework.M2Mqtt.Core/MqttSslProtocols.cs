// Mirrors nanoFramework.M2Mqtt 5.1.220 (nanoFramework.M2Mqtt.Core), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/nanoFramework.m2mqtt tag v5.1.220, nanoFramework.M2Mqtt.Core/ (the package ships this assembly beside nanoFramework.M2Mqtt).

namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3,
    }
}
