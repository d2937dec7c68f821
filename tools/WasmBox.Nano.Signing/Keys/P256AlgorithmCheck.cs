using System.Formats.Asn1;
using System.Security.Cryptography;

namespace WasmBox.Nano.Signing.Keys;

/// <summary>
/// Reads the AlgorithmIdentifier of a PKCS#8 or SubjectPublicKeyInfo structure before .NET
/// imports it, so an RSA key or another curve is refused with a message naming what it is
/// rather than a generic import failure.
/// </summary>
internal static class P256AlgorithmCheck
{
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <param name="der">PrivateKeyInfo (RFC 5208) when <paramref name="isPrivateKeyInfo"/>, else SubjectPublicKeyInfo (RFC 5280).</param>
    public static void Require(byte[] der, bool isPrivateKeyInfo, string source)
    {
        string algorithm;
        string? curve;
        try
        {
            AsnReader info = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            if (isPrivateKeyInfo)
            {
                info.ReadInteger();
            }
            AsnReader identifier = info.ReadSequence();
            algorithm = identifier.ReadObjectIdentifier();
            curve = identifier.HasData && identifier.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier)
                ? identifier.ReadObjectIdentifier()
                : null;
        }
        catch (AsnContentException e)
        {
            string kind = isPrivateKeyInfo ? "PKCS#8 private key" : "SubjectPublicKeyInfo public key";
            throw new KeyFileException(source + ": not a valid " + kind + " (" + e.Message + ")");
        }
        if (algorithm != EcPublicKeyOid)
        {
            throw new KeyFileException(source + ": the key is " + Describe(algorithm) + "; tenant keys must be ECDSA P-256");
        }
        if (curve != P256Oid)
        {
            throw new KeyFileException(source + ": the key's curve is " + (curve is null ? "not a named curve" : Describe(curve))
                + "; tenant keys must be P-256 (prime256v1)");
        }
    }

    private static string Describe(string oid)
    {
        string? name = new Oid(oid).FriendlyName;
        return string.IsNullOrEmpty(name) ? oid : name + " (" + oid + ")";
    }
}
