namespace WasmBox.Nano.TestSupport;

/// <summary>
/// Byte-wise mutation for the bounded fuzzers: up to <c>maxEdits</c> edits, each a bit flip, a
/// byte overwrite, an insert, a delete or a truncation. Deterministic for a seeded
/// <see cref="Random"/>. Shared by the test projects as a linked source file.
/// </summary>
internal static class ByteMutator
{
    public static byte[] Mutate(Random random, byte[] input, int maxEdits)
    {
        var bytes = new List<byte>(input);
        int edits = random.Next(maxEdits + 1);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.Insert(at, (byte)random.Next(256)); break;
                case 3: bytes.RemoveAt(at); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return bytes.ToArray();
    }
}
