// Mirrors nanoFramework.System.Collections 1.5.75 (nanoFramework.System.Collections), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Empty on purpose: the device projects reference this assembly only because nanoFramework.M2Mqtt 5.1.220
// depends on it (NuGet adds a <Reference> for every package it installs); WasmBox.Nano uses none of its API.
