namespace WasmBox.Nano.Runtime.Policy
{
    /// <summary>
    /// Where tenants' MQTT topics live on the broker: <c>wbx/{deviceId}/app/</c> followed by the
    /// topic or filter the bundle format and the policy name (hook filters, grants and publishes
    /// are all relative to it). Every control topic of the device is outside this subtree, so no
    /// grant, not even <c>#</c>, can reach one.
    /// </summary>
    public static class AppTopics
    {
        /// <summary>The root of every device's topics.</summary>
        public const string Root = "wbx/";

        /// <summary>The level under a device's root that holds the tenants' topics.</summary>
        public const string Level = "app/";

        /// <summary>"wbx/{deviceId}/app/".</summary>
        public static string PrefixOf(string deviceId)
        {
            return Root + deviceId + "/" + Level;
        }
    }
}
