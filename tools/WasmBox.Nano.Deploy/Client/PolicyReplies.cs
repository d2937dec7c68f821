namespace WasmBox.Nano.Deploy.Client;

/// <summary>A device's answer to a signed policy or removal (README.md, "Hostcall policies": policy/result).</summary>
public sealed record PolicyReply(string Op, int Bytes, bool Ok, string Status, string? Refusal, string? Reason, string? Name, long Sequence)
{
    public override string ToString() => Ok
        ? "policy " + Name + " " + Status + " at sequence " + Sequence
        : "refused (" + Refusal + "): " + Reason;
}

/// <summary>One installed policy: the helpers it decides, for which tenants (none: every tenant), its budget per decision.</summary>
public sealed record PolicyInfo(string Name, long Sequence, string[] Helpers, string[] Tenants, int Budget);

/// <summary>The policies a device holds, from its retained policies topic or GET policies.</summary>
public sealed record PolicyList(string Device, PolicyInfo[] Policies)
{
    public PolicyInfo? Find(string name) => Policies.FirstOrDefault(p => p.Name == name);
}
