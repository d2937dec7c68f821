// Mirrors nanoFramework.System.Net 1.11.60 (System.Net), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Net tag v1.11.54, the newest tag available here (the 1.11.60 source itself was not available to check); these members are identical at v1.11.1, v1.11.30 and v1.11.54.

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate(string certificate) { throw null; }
    }
}
