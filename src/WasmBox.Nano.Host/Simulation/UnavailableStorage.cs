using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Simulation;

/// <summary>Storage of a board that has none (profile storage.kind "none"): empty, and every write fails.</summary>
public sealed class UnavailableStorage : IStorage
{
    public bool Exists(string name) => false;

    public byte[]? Read(string name) => null;

    public bool Write(string name, byte[] data, int offset, int count) => false;

    public bool Delete(string name) => false;

    public bool Rename(string from, string to) => false;

    public string[] List(string prefix) => [];
}
