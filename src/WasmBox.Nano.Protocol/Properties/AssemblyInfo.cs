using System.Reflection;

[assembly: AssemblyTitle("WasmBox.Nano.Protocol")]
[assembly: AssemblyDescription("Device side of the deployment protocol: MQTT and CoAP agents over the board's transports")]
[assembly: AssemblyCompany("WasmBox.Nano")]
[assembly: AssemblyProduct("WasmBox.Nano")]
[assembly: AssemblyCopyright("Copyright (c) WasmBox.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
