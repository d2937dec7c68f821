namespace WasmBox.Nano.MemoryPlan.Measuring;

/// <summary>Straight-line eBPF programs of an exact length, calling the given helpers once each.</summary>
public static class SamplePrograms
{
    private const byte MovImm64 = 0xb7;
    private const byte Call = 0x85;
    private const byte Exit = 0x95;

    /// <summary><paramref name="instructions"/> 8-byte slots: one call per helper, moves, then exit.</summary>
    public static byte[] Straight(int instructions, params int[] helperIds)
    {
        if (instructions < helperIds.Length + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(instructions), "too short for " + helperIds.Length + " calls and an exit");
        }
        var code = new byte[instructions * 8];
        int slot = 0;
        foreach (int id in helperIds)
        {
            Write(code, slot++, Call, 0, id);
        }
        while (slot < instructions - 1)
        {
            Write(code, slot, MovImm64, 0, slot);
            slot++;
        }
        Write(code, slot, Exit, 0, 0);
        return code;
    }

    private static void Write(byte[] code, int slot, byte opcode, byte registers, int imm)
    {
        int at = slot * 8;
        code[at] = opcode;
        code[at + 1] = registers;
        BitConverter.TryWriteBytes(code.AsSpan(at + 4, 4), imm);
    }
}
