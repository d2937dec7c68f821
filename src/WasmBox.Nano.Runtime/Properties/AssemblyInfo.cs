using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("WasmBox.Nano.Runtime")]
[assembly: AssemblyDescription("Multi-tenant femto-container runtime: containers, hooks, helpers, policies, monitor")]
[assembly: AssemblyCompany("WasmBox.Nano")]
[assembly: AssemblyProduct("WasmBox.Nano")]
[assembly: AssemblyCopyright("Copyright (c) WasmBox.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
