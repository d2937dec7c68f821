namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>
    /// Test-local eBPF encoder: each call appends one 8-byte RFC 9669 instruction
    /// (opcode | src:dst | offset | imm, little-endian), so a test spells its program out
    /// without depending on a toolchain. Jump and call offsets are relative to the next
    /// instruction, as in the encoding.
    /// </summary>
    public sealed class ProgramBuilder
    {
        private byte[] _code = new byte[64];
        private int _length;

        /// <summary>Index the next instruction will get.</summary>
        public int Count
        {
            get { return _length / 8; }
        }

        /// <summary>Any instruction, fields as given; for tests of malformed encodings.</summary>
        public ProgramBuilder Raw(int opcode, int dst, int src, int offset, int imm)
        {
            if (_length + 8 > _code.Length)
            {
                byte[] grown = new byte[_code.Length * 2];
                System.Array.Copy(_code, grown, _length);
                _code = grown;
            }
            _code[_length] = (byte)opcode;
            _code[_length + 1] = (byte)((src << 4) | (dst & 0x0f));
            _code[_length + 2] = (byte)offset;
            _code[_length + 3] = (byte)(offset >> 8);
            _code[_length + 4] = (byte)imm;
            _code[_length + 5] = (byte)(imm >> 8);
            _code[_length + 6] = (byte)(imm >> 16);
            _code[_length + 7] = (byte)(imm >> 24);
            _length += 8;
            return this;
        }

        /// <summary>ALU operation with an immediate operand (K form).</summary>
        public ProgramBuilder Alu(int opcode, int dst, int imm)
        {
            return Raw(opcode, dst, 0, 0, imm);
        }

        /// <summary>ALU operation with a register operand (X form).</summary>
        public ProgramBuilder AluReg(int opcode, int dst, int src)
        {
            return Raw(opcode, dst, src, 0, 0);
        }

        public ProgramBuilder Mov(int dst, int imm)
        {
            return Raw(Opcodes.Mov64K, dst, 0, 0, imm);
        }

        public ProgramBuilder MovReg(int dst, int src)
        {
            return Raw(Opcodes.Mov64X, dst, src, 0, 0);
        }

        /// <summary>The two-slot 64-bit immediate load.</summary>
        public ProgramBuilder Lddw(int dst, ulong value)
        {
            Raw(Opcodes.Lddw, dst, 0, 0, (int)(uint)value);
            return Raw(0, 0, 0, 0, (int)(uint)(value >> 32));
        }

        /// <summary>LDX: dst = *(src + offset).</summary>
        public ProgramBuilder Load(int opcode, int dst, int src, int offset)
        {
            return Raw(opcode, dst, src, offset, 0);
        }

        /// <summary>ST: *(dst + offset) = imm.</summary>
        public ProgramBuilder Store(int opcode, int dst, int offset, int imm)
        {
            return Raw(opcode, dst, 0, offset, imm);
        }

        /// <summary>STX: *(dst + offset) = src.</summary>
        public ProgramBuilder StoreReg(int opcode, int dst, int src, int offset)
        {
            return Raw(opcode, dst, src, offset, 0);
        }

        /// <summary>Conditional jump comparing dst with an immediate.</summary>
        public ProgramBuilder Jump(int opcode, int dst, int imm, int offset)
        {
            return Raw(opcode, dst, 0, offset, imm);
        }

        /// <summary>Conditional jump comparing dst with a register.</summary>
        public ProgramBuilder JumpReg(int opcode, int dst, int src, int offset)
        {
            return Raw(opcode, dst, src, offset, 0);
        }

        public ProgramBuilder Ja(int offset)
        {
            return Raw(Opcodes.Ja, 0, 0, offset, 0);
        }

        public ProgramBuilder CallHelper(int id)
        {
            return Raw(Opcodes.Call, 0, Opcodes.CallHelper, 0, id);
        }

        /// <summary>Local call to the instruction <paramref name="relative"/> slots after the next one.</summary>
        public ProgramBuilder CallLocal(int relative)
        {
            return Raw(Opcodes.Call, 0, Opcodes.CallLocal, 0, relative);
        }

        public ProgramBuilder Exit()
        {
            return Raw(Opcodes.Exit, 0, 0, 0, 0);
        }

        public byte[] ToArray()
        {
            byte[] code = new byte[_length];
            System.Array.Copy(_code, code, _length);
            return code;
        }
    }
}
