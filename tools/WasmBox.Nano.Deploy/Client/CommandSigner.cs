using System.Security.Cryptography;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Protocol;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Deploy.Client;

/// <summary>Signs a tenant's remove or rollback command (COSE_Sign1, ES256) with the tenant's private key.</summary>
public static class CommandSigner
{
    public static byte[] Sign(UpdateOperation operation, string tenant, int slot, long sequence, ECDsa key)
    {
        if (!ManifestCodec.IsIdentifier(tenant))
            throw new DeployException("tenant '" + tenant + "' must be 1-32 characters of a-z, 0-9, '-' and '_'");
        if (slot < 0)
            throw new DeployException("the slot must not be negative");
        if (sequence < 1)
            throw new DeployException("the sequence number must be at least 1");
        if (key.KeySize != 256)
            throw new DeployException("the signing key is " + key.KeySize + "-bit; tenant keys are ECDSA P-256");
        int action = operation switch
        {
            UpdateOperation.Remove => CommandAction.Remove,
            UpdateOperation.Rollback => CommandAction.Rollback,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), "only remove and rollback are signed commands"),
        };
        byte[] command = CommandWriter.Encode(tenant, slot, sequence, action);
        byte[] signature = key.SignData(CommandWriter.BytesToSign(command), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return CommandWriter.Write(command, signature);
    }
}
