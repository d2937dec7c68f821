using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("WasmBox.Nano.Device.Networked")]
[assembly: AssemblyDescription("nanoFramework adapters for networked boards: file storage, MQTT, Ethernet, firmware host")]
[assembly: AssemblyCompany("WasmBox.Nano")]
[assembly: AssemblyProduct("WasmBox.Nano")]
[assembly: AssemblyCopyright("Copyright (c) WasmBox.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
