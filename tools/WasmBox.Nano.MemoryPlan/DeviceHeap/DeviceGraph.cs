using System.Reflection;
using System.Text;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.MemoryPlan.DeviceHeap;

/// <summary>
/// Walks live host objects by reflection and prices each one as nanoFramework would lay it out
/// (<see cref="NanoHeap"/>): the same classes compile for both, so field and element counts are
/// the device's. Objects seen once (by <see cref="Exclude"/> or an earlier <see cref="Measure"/>)
/// are not counted again, so consecutive measurements split a heap into components.
/// Threads, wait handles and delegates are skipped: their native parts have no host counterpart
/// and are priced by <see cref="RamEstimate.WorkerThreadBytes"/> instead.
/// </summary>
public sealed class DeviceGraph
{
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<Type, FieldInfo[]> FieldCache = new();

    private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);

    /// <summary>Marks everything reachable from <paramref name="roots"/> as already counted.</summary>
    public DeviceGraph Exclude(params object?[] roots)
    {
        var ignored = new DeviceFootprint();
        foreach (object? root in roots)
        {
            Walk(root, ignored);
        }
        return this;
    }

    /// <summary>Marks single objects as counted elsewhere without walking what they reference: a walk stops at them.</summary>
    public DeviceGraph Skip(params object[] objects)
    {
        foreach (object o in objects)
        {
            _seen.Add(o);
        }
        return this;
    }

    /// <summary>The device bytes of everything reachable from <paramref name="roots"/> not counted before.</summary>
    public DeviceFootprint Measure(params object?[] roots)
    {
        var footprint = new DeviceFootprint();
        foreach (object? root in roots)
        {
            Walk(root, footprint);
        }
        return footprint;
    }

    private void Walk(object? root, DeviceFootprint footprint)
    {
        var pending = new Stack<object>();
        Push(root, pending);
        while (pending.Count > 0)
        {
            object o = pending.Pop();
            switch (o)
            {
                case string s:
                    footprint.AddString(NanoHeap.StringBytes(Encoding.UTF8.GetByteCount(s)));
                    break;
                case Array a:
                    WalkArray(a, footprint, pending);
                    break;
                default:
                    WalkObject(o, footprint, pending);
                    break;
            }
        }
    }

    private void WalkArray(Array a, DeviceFootprint footprint, Stack<object> pending)
    {
        Type element = a.GetType().GetElementType()!;
        if (IsReference(element))
        {
            footprint.AddArray(element.Name + "[]", NanoHeap.ReferenceArrayBytes(a.Length));
            foreach (object? item in a)
            {
                Push(item, pending);
            }
            return;
        }
        if (element.IsPrimitive || element.IsEnum)
        {
            footprint.AddArray(element.Name + "[]", NanoHeap.ArrayBytes(a.Length, PrimitiveSize(element)));
            return;
        }
        // Structs only occur in host-only graphs (simulator collections): one block per field, references followed.
        footprint.AddArray(element.Name + "[]", NanoHeap.ArrayBytes(a.Length, NanoHeap.BlockBytes * FieldsOf(element).Length));
        foreach (object? item in a)
        {
            if (item is not null)
            {
                PushFieldsOf(item, pending);
            }
        }
    }

    private void WalkObject(object o, DeviceFootprint footprint, Stack<object> pending)
    {
        FieldInfo[] fields = FieldsOf(o.GetType());
        footprint.AddObject(o.GetType().Name, NanoHeap.ObjectBytes(fields.Length));
        PushFieldsOf(o, pending);
    }

    private void PushFieldsOf(object o, Stack<object> pending)
    {
        foreach (FieldInfo f in FieldsOf(o.GetType()))
        {
            if (IsReference(f.FieldType))
            {
                Push(f.GetValue(o), pending);
            }
            else if (!f.FieldType.IsPrimitive && !f.FieldType.IsEnum && f.GetValue(o) is { } inner)
            {
                PushFieldsOf(inner, pending);
            }
        }
    }

    private void Push(object? o, Stack<object> pending)
    {
        if (o is null || IsSkipped(o.GetType()) || !_seen.Add(o))
        {
            return;
        }
        pending.Push(o);
    }

    private static bool IsSkipped(Type t) =>
        typeof(Delegate).IsAssignableFrom(t) || typeof(Thread).IsAssignableFrom(t) || typeof(WaitHandle).IsAssignableFrom(t)
        || typeof(MemberInfo).IsAssignableFrom(t) || t == typeof(Lock);

    private static bool IsReference(Type t) => !t.IsValueType;

    private static int PrimitiveSize(Type t)
    {
        Type p = t.IsEnum ? Enum.GetUnderlyingType(t) : t;
        if (p == typeof(bool) || p == typeof(byte) || p == typeof(sbyte))
        {
            return 1;
        }
        if (p == typeof(char) || p == typeof(short) || p == typeof(ushort))
        {
            return 2;
        }
        if (p == typeof(int) || p == typeof(uint) || p == typeof(float))
        {
            return 4;
        }
        if (p == typeof(long) || p == typeof(ulong) || p == typeof(double))
        {
            return 8;
        }
        throw new NotSupportedException("no nanoFramework element size for " + t.Name);
    }

    private static FieldInfo[] FieldsOf(Type type)
    {
        lock (FieldCache)
        {
            if (!FieldCache.TryGetValue(type, out FieldInfo[]? fields))
            {
                var all = new List<FieldInfo>();
                for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
                {
                    all.AddRange(t.GetFields(InstanceFields));
                }
                fields = all.ToArray();
                FieldCache[type] = fields;
            }
            return fields;
        }
    }
}
