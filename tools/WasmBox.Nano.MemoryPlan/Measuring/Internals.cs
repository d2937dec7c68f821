using System.Reflection;

namespace WasmBox.Nano.MemoryPlan.Measuring;

/// <summary>Reads a private field of the portable runtime, to measure an object the public API does not expose.</summary>
internal static class Internals
{
    public static object Field(object owner, string name) =>
        owner.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(owner)
        ?? throw new InvalidOperationException(owner.GetType().Name + " has no field " + name + " any more; update the memory plan");

    public static object StaticField(Type owner, string name) =>
        owner.GetField(name, BindingFlags.Static | BindingFlags.NonPublic)?.GetValue(null)
        ?? throw new InvalidOperationException(owner.Name + " has no static field " + name + " set; update the memory plan");
}
