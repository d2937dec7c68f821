using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("WasmBox.Nano.Crypto")]
[assembly: AssemblyDescription("SHA-256, HMAC-SHA256 and ECDSA P-256 signature verification for bundles")]
[assembly: AssemblyCompany("WasmBox.Nano")]
[assembly: AssemblyProduct("WasmBox.Nano")]
[assembly: AssemblyCopyright("Copyright (c) WasmBox.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
