namespace WasmBox.Nano.Vm.Tests.Support;

/// <summary>
/// Encodes single eBPF instructions (RFC 9669) as 8-byte arrays (LDDW: 16), so tests can
/// write programs without an assembler. Fields are written raw: nothing here validates,
/// which is what the malicious-program tests need.
/// </summary>
internal static class Ins
{
    public static byte[] Raw(int opcode, int dst, int src, int offset, int imm)
    {
        return
        [
            (byte)opcode,
            (byte)((dst & 0x0f) | ((src & 0x0f) << 4)),
            (byte)offset, (byte)(offset >> 8),
            (byte)imm, (byte)(imm >> 8), (byte)(imm >> 16), (byte)(imm >> 24),
        ];
    }

    /// <summary>Concatenates instructions into program bytes.</summary>
    public static byte[] Program(params byte[][] instructions)
    {
        return instructions.SelectMany(i => i).ToArray();
    }

    // ---- ALU: op is an Opcodes.AluXxx operation code ----

    public static byte[] Alu64(int op, int dst, int imm, int offset = 0) =>
        Raw(Opcodes.ClassAlu64 | Opcodes.SourceK | op, dst, 0, offset, imm);

    public static byte[] Alu64Reg(int op, int dst, int src, int offset = 0) =>
        Raw(Opcodes.ClassAlu64 | Opcodes.SourceX | op, dst, src, offset, 0);

    public static byte[] Alu32(int op, int dst, int imm, int offset = 0) =>
        Raw(Opcodes.ClassAlu | Opcodes.SourceK | op, dst, 0, offset, imm);

    public static byte[] Alu32Reg(int op, int dst, int src, int offset = 0) =>
        Raw(Opcodes.ClassAlu | Opcodes.SourceX | op, dst, src, offset, 0);

    public static byte[] Mov64(int dst, int imm) => Alu64(Opcodes.AluMov, dst, imm);

    public static byte[] Mov64Reg(int dst, int src) => Alu64Reg(Opcodes.AluMov, dst, src);

    public static byte[] Add64(int dst, int imm) => Alu64(Opcodes.AluAdd, dst, imm);

    /// <summary>Sign-extending move (MOVSX): offset 8, 16 or 32 names the source width.</summary>
    public static byte[] MovSx64(int dst, int src, int bits) => Alu64Reg(Opcodes.AluMov, dst, src, bits);

    public static byte[] MovSx32(int dst, int src, int bits) => Alu32Reg(Opcodes.AluMov, dst, src, bits);

    /// <summary>Byte swap: opcode is Opcodes.Le, Opcodes.Be or Opcodes.Bswap.</summary>
    public static byte[] Swap(int opcode, int dst, int bits) => Raw(opcode, dst, 0, 0, bits);

    /// <summary>Loads a 64-bit immediate (two slots).</summary>
    public static byte[] Lddw(int dst, ulong value) =>
        Program(Raw(Opcodes.Lddw, dst, 0, 0, (int)value), Raw(0, 0, 0, 0, (int)(value >> 32)));

    // ---- memory: size is Opcodes.SizeB/H/W/Dw ----

    public static byte[] Ldx(int size, int dst, int src, int offset) =>
        Raw(Opcodes.ClassLdx | Opcodes.ModeMem | size, dst, src, offset, 0);

    public static byte[] LdxSx(int size, int dst, int src, int offset) =>
        Raw(Opcodes.ClassLdx | Opcodes.ModeMemSx | size, dst, src, offset, 0);

    public static byte[] St(int size, int dst, int offset, int imm) =>
        Raw(Opcodes.ClassSt | Opcodes.ModeMem | size, dst, 0, offset, imm);

    public static byte[] Stx(int size, int dst, int src, int offset) =>
        Raw(Opcodes.ClassStx | Opcodes.ModeMem | size, dst, src, offset, 0);

    // ---- control flow: offsets are relative to the next instruction ----

    public static byte[] Ja(int offset) => Raw(Opcodes.Ja, 0, 0, offset, 0);

    /// <summary>JMP32 "gotol": the 32-bit offset lives in imm.</summary>
    public static byte[] Ja32(int offset) => Raw(Opcodes.Ja32, 0, 0, 0, offset);

    public static byte[] Jmp(int op, int dst, int imm, int offset) =>
        Raw(Opcodes.ClassJmp | Opcodes.SourceK | op, dst, 0, offset, imm);

    public static byte[] JmpReg(int op, int dst, int src, int offset) =>
        Raw(Opcodes.ClassJmp | Opcodes.SourceX | op, dst, src, offset, 0);

    public static byte[] Jmp32(int op, int dst, int imm, int offset) =>
        Raw(Opcodes.ClassJmp32 | Opcodes.SourceK | op, dst, 0, offset, imm);

    public static byte[] Jmp32Reg(int op, int dst, int src, int offset) =>
        Raw(Opcodes.ClassJmp32 | Opcodes.SourceX | op, dst, src, offset, 0);

    public static byte[] CallHelper(int id) => Raw(Opcodes.Call, 0, Opcodes.CallHelper, 0, id);

    /// <summary>Local call; the target is relative to the next instruction.</summary>
    public static byte[] CallLocal(int offset) => Raw(Opcodes.Call, 0, Opcodes.CallLocal, 0, offset);

    public static byte[] Exit() => Raw(Opcodes.Exit, 0, 0, 0, 0);
}
