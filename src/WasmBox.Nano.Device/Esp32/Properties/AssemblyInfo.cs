using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("WasmBox.Nano.Device.Esp32")]
[assembly: AssemblyDescription("ESP32 adapters: Wi-Fi and pin functions")]
[assembly: AssemblyCompany("WasmBox.Nano")]
[assembly: AssemblyProduct("WasmBox.Nano")]
[assembly: AssemblyCopyright("Copyright (c) WasmBox.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
