using System.Reflection;

[assembly: AssemblyTitle("WasmBox.Nano.Coap")]
[assembly: AssemblyDescription("CoAP server (RFC 7252) with block-wise transfer (RFC 7959) over an abstract UDP endpoint")]
[assembly: AssemblyCompany("WasmBox.Nano")]
[assembly: AssemblyProduct("WasmBox.Nano")]
[assembly: AssemblyCopyright("Copyright (c) WasmBox.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
