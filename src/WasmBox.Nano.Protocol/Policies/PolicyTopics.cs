namespace WasmBox.Nano.Protocol.Policies
{
    /// <summary>
    /// The policy channel's MQTT topics under <c>wbx/{deviceId}/</c>, beside <see cref="DeviceTopics"/>
    /// (the design page names no policy topic; README.md "Decisions" records these).
    /// </summary>
    public sealed class PolicyTopics
    {
        public PolicyTopics(DeviceTopics topics)
        {
            Deploy = topics.Prefix + "policy";
            Result = Deploy + "/result";
            Installed = topics.Prefix + "policies";
        }

        /// <summary>Signed policy bundles and removals in (QoS 1): both are the same envelope.</summary>
        public string Deploy { get; private set; }

        /// <summary>JSON results of <see cref="Deploy"/> (QoS 1).</summary>
        public string Result { get; private set; }

        /// <summary>The installed policies, retained; republished after every accepted change.</summary>
        public string Installed { get; private set; }
    }
}
