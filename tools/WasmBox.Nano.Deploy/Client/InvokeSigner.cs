using System.Security.Cryptography;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Deploy.Client;

/// <summary>
/// Signs an invocation for a tenant whose policy asks for signed invocations
/// (src/WasmBox.Nano.Bundle/SIGNED-INVOKE-FORMAT.md): claims over device, tenant, slot, a counter
/// and the payload's SHA-256, in a COSE_Sign1 made with the tenant's ES256 key.
/// </summary>
public static class InvokeSigner
{
    private static long s_lastCounter;

    /// <summary>
    /// The counter <see cref="Sign"/> uses when none is given: the Unix time in microseconds, and
    /// always above the one this process used before, so no local ledger is needed.
    /// </summary>
    public static long NextCounter()
    {
        long now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        while (true)
        {
            long last = Interlocked.Read(ref s_lastCounter);
            long next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref s_lastCounter, next, last) == last)
                return next;
        }
    }

    public static byte[] Sign(string deviceId, string tenant, int slot, long counter, byte[] payload, ECDsa key)
    {
        string? idError = DeviceTopics.DeviceIdError(deviceId);
        if (idError is not null)
            throw new DeployException(idError);
        if (!ManifestCodec.IsIdentifier(tenant))
            throw new DeployException("tenant '" + tenant + "' must be 1-32 characters of a-z, 0-9, '-' and '_'");
        if (slot is < 0 or > 255)
            throw new DeployException("the slot must be 0-255");
        if (counter < 1)
            throw new DeployException("the counter must be at least 1");
        if (key.KeySize != 256)
            throw new DeployException("the signing key is " + key.KeySize + "-bit; tenant keys are ECDSA P-256");
        byte[] claims = new InvokeClaims(deviceId, tenant, slot, counter, SHA256.HashData(payload)).Encode();
        byte[] signature = key.SignData(SignedInvokeCodec.BytesToSign(claims), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return SignedInvokeCodec.Write(claims, signature, payload);
    }
}
