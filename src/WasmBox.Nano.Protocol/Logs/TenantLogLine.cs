namespace WasmBox.Nano.Protocol.Logs
{
    /// <summary>One line a tenant's function printed, as it waits in <see cref="TenantLogQueue"/> (slots are reused).</summary>
    public sealed class TenantLogLine
    {
        public string Tenant;
        public string Container;
        public long TimestampMs;
        public string Text;
        /// <summary>True when the line was longer than the queue keeps and was cut.</summary>
        public bool Cut;
        /// <summary>The tenant's lines dropped (over its rate or a full queue) since its previous line that went out.</summary>
        public int DroppedBefore;

        internal void CopyTo(TenantLogLine other)
        {
            other.Tenant = Tenant;
            other.Container = Container;
            other.TimestampMs = TimestampMs;
            other.Text = Text;
            other.Cut = Cut;
            other.DroppedBefore = DroppedBefore;
        }
    }
}
