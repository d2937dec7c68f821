namespace WasmBox.Nano.Update
{
    /// <summary>Why a signed invocation was refused (stable numbers; the protocol's invoke results name them).</summary>
    public enum InvokeCheck
    {
        Accepted = 0,
        /// <summary>The tenant accepts only signed invocations and the message is not one.</summary>
        SignatureRequired = 1,
        /// <summary>It starts like a signed invocation but is not exactly the documented shape.</summary>
        Malformed = 2,
        /// <summary>The claims name another device, tenant or slot than the one addressed.</summary>
        WrongTarget = 3,
        /// <summary>The payload's SHA-256 differs from the signed claim (tampered payload).</summary>
        DigestMismatch = 4,
        /// <summary>The counter is not above the last one accepted for this tenant and slot.</summary>
        Replay = 5,
        /// <summary>The signature does not verify with the tenant's key (or no key is provisioned).</summary>
        BadSignature = 6,
        /// <summary>The new counter could not be persisted, so the invocation is not run.</summary>
        StorageFailed = 7,
    }
}
