using WasmBox.Nano.Update;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Protocol
{
    /// <summary>Why an invocation did not run the function.</summary>
    public enum InvokeRefusal
    {
        None = 0,
        /// <summary>No function is installed at the tenant's slot.</summary>
        NoSuchFunction = 1,
        /// <summary>The function has neither a CoAP nor an MQTT hook to deliver the payload to.</summary>
        NoInvocableHook = 2,
        /// <summary>The function is stopped or quarantined.</summary>
        NotRunning = 3,
        /// <summary>The runtime declined the run (the tenant's runs per second).</summary>
        NotRun = 4,
        /// <summary>The payload is longer than an invocation may carry.</summary>
        TooLarge = 5,
        /// <summary>The request named tenant or slot in a non-canonical form (leading zeros, a sign, a bad name).</summary>
        BadRequest = 6,
        /// <summary>The function's outside-triggered runs per second are used up (never counted against the tenant).</summary>
        Throttled = 7,
        /// <summary>The tenant's policy asks for signed invocations and this one is not signed.</summary>
        SignatureRequired = 8,
        /// <summary>It starts like a signed invocation but is not the documented shape.</summary>
        Malformed = 9,
        /// <summary>Signed for another device, tenant or slot.</summary>
        WrongTarget = 10,
        /// <summary>The payload is not the one the tenant signed.</summary>
        DigestMismatch = 11,
        /// <summary>The signed counter is not above the last one this tenant and slot accepted.</summary>
        Replay = 12,
        /// <summary>The signature does not verify with the tenant's key.</summary>
        BadSignature = 13,
        /// <summary>The accepted counter could not be persisted, so nothing ran.</summary>
        StorageFailed = 14,
    }

    /// <summary>The outcome of one synchronous run of an installed function.</summary>
    public sealed class InvokeResult
    {
        public bool Ok;
        public InvokeRefusal Refusal;
        public string Tenant;
        public int Slot;
        public string Name;
        /// <summary>How the run ended (meaningful when <see cref="Ok"/>).</summary>
        public VmStatus Status;
        /// <summary>The program's r0.</summary>
        public ulong Result;
        /// <summary>The function's CoAP response (code 0 when it answered none).</summary>
        public int CoapCode;
        public byte[] Output;
        public int OutputLength;
        /// <summary>Why it was refused, in a sentence, when the refusal needs one (signed invocations); else null.</summary>
        public string Reason;

        /// <summary>A refusal for tenant/slot (null and -1 when the request named none canonically).</summary>
        public static InvokeResult Refused(string tenant, int slot, InvokeRefusal refusal)
        {
            InvokeResult r = new InvokeResult();
            r.Tenant = tenant;
            r.Slot = slot;
            r.Refusal = refusal;
            return r;
        }

        /// <summary>The refusal of a signed invocation the device's check turned down.</summary>
        public static InvokeResult Refused(string tenant, int slot, InvokeCheck check, string reason)
        {
            InvokeResult r = Refused(tenant, slot, RefusalOf(check));
            r.Reason = reason;
            return r;
        }

        private static InvokeRefusal RefusalOf(InvokeCheck check)
        {
            switch (check)
            {
                case InvokeCheck.SignatureRequired: return InvokeRefusal.SignatureRequired;
                case InvokeCheck.Malformed: return InvokeRefusal.Malformed;
                case InvokeCheck.WrongTarget: return InvokeRefusal.WrongTarget;
                case InvokeCheck.DigestMismatch: return InvokeRefusal.DigestMismatch;
                case InvokeCheck.Replay: return InvokeRefusal.Replay;
                case InvokeCheck.BadSignature: return InvokeRefusal.BadSignature;
                default: return InvokeRefusal.StorageFailed;
            }
        }

        /// <summary>True for the refusals of the signature check (CoAP answers them 4.01).</summary>
        public static bool IsUnauthorized(InvokeRefusal refusal)
        {
            return refusal >= InvokeRefusal.SignatureRequired && refusal <= InvokeRefusal.BadSignature;
        }

        public static string RefusalName(InvokeRefusal refusal)
        {
            switch (refusal)
            {
                case InvokeRefusal.None: return "none";
                case InvokeRefusal.NoSuchFunction: return "no-such-function";
                case InvokeRefusal.NoInvocableHook: return "no-invocable-hook";
                case InvokeRefusal.NotRunning: return "not-running";
                case InvokeRefusal.NotRun: return "not-run";
                case InvokeRefusal.TooLarge: return "too-large";
                case InvokeRefusal.BadRequest: return "bad-request";
                case InvokeRefusal.Throttled: return "throttled";
                case InvokeRefusal.SignatureRequired: return "signature-required";
                case InvokeRefusal.Malformed: return "malformed";
                case InvokeRefusal.WrongTarget: return "wrong-target";
                case InvokeRefusal.DigestMismatch: return "digest-mismatch";
                case InvokeRefusal.Replay: return "replay";
                case InvokeRefusal.BadSignature: return "bad-signature";
                case InvokeRefusal.StorageFailed: return "storage-failed";
                default: return "unknown";
            }
        }
    }
}
