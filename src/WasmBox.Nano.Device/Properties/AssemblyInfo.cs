using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("WasmBox.Nano.Device")]
[assembly: AssemblyDescription("nanoFramework board adapters: GPIO, clock, log, sensors, provisioning")]
[assembly: AssemblyCompany("WasmBox.Nano")]
[assembly: AssemblyProduct("WasmBox.Nano")]
[assembly: AssemblyCopyright("Copyright (c) WasmBox.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
