using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WasmBox.Nano.Mqtt;

/// <summary>A certificate and its private key from PEM files, in the form SslStream takes on every OS.</summary>
internal static class PemCertificate
{
    /// <summary>The certificate with its key; an unreadable or mismatched pair is an <see cref="IOException"/> naming the files.</summary>
    public static X509Certificate2 Load(string certPath, string keyPath)
    {
        try
        {
            using X509Certificate2 ephemeral = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            // SslStream wants a certificate whose key lives in a store, not an ephemeral PEM key.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new IOException("cannot read the certificate " + certPath + " with key " + keyPath + ": " + e.Message, e);
        }
    }
}
