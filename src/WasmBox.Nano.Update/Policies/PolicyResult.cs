namespace WasmBox.Nano.Update.Policies
{
    /// <summary>The outcome of <see cref="PolicyInstaller.Deploy"/>: the policy named and the sequence, whatever happened.</summary>
    public sealed class PolicyResult
    {
        public bool Ok;
        /// <summary>Installed, Updated (replaced a policy of the same name) or Removed.</summary>
        public UpdateStatus Status;
        public UpdateRefusal Refusal;
        public string Reason;
        public string Name;
        public long Sequence;

        internal static PolicyResult Accepted(UpdateStatus status, string name, long sequence)
        {
            PolicyResult r = new PolicyResult();
            r.Ok = true;
            r.Status = status;
            r.Name = name;
            r.Sequence = sequence;
            return r;
        }

        internal static PolicyResult Refused(UpdateRefusal refusal, string reason, string name, long sequence)
        {
            PolicyResult r = new PolicyResult();
            r.Refusal = refusal;
            r.Reason = reason;
            r.Name = name;
            r.Sequence = sequence;
            return r;
        }

        public override string ToString()
        {
            return Ok ? "policy " + Name + " " + (Status == UpdateStatus.Removed ? "removed" : "installed") + " at sequence " + Sequence
                : UpdateRefusalText.Name(Refusal) + ": " + Reason;
        }
    }
}
