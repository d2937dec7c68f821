// Mirrors nanoFramework.System.Net 1.11.60 (System.Net), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Net tag v1.11.54, the newest tag available here (the 1.11.60 source itself was not available to check); these members are identical at v1.11.1, v1.11.30 and v1.11.54.

using System;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class NetworkHelper
    {
        public static NetworkHelperStatus Status { get { throw null; } }

        public static Exception HelperException { get { throw null; } }

        public static bool SetupAndConnectNetwork(CancellationToken token = default, bool requiresDateTime = false) { throw null; }
    }
}
