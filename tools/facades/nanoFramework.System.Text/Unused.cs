// Mirrors nanoFramework.System.Text 1.3.42 (nanoFramework.System.Text), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Empty on purpose: the device projects reference this assembly only because nanoFramework.M2Mqtt 5.1.220,
// System.Net and System.IO.FileSystem depend on it (NuGet adds a <Reference> for every package it installs);
// WasmBox.Nano uses none of its API (the portable code has its own UTF-8 in WasmBox.Nano.Cbor).
