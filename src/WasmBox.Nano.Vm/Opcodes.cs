namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// eBPF instruction encoding (RFC 9669). An instruction is 8 bytes, little-endian:
    /// opcode (8) | dst (4) | src (4) | offset (16, signed) | imm (32, signed).
    /// </summary>
    public static class Opcodes
    {
        public const int InstructionSize = 8;

        // Instruction classes: the low three bits of the opcode.
        public const int ClassMask = 0x07;
        public const int ClassLd = 0x00;
        public const int ClassLdx = 0x01;
        public const int ClassSt = 0x02;
        public const int ClassStx = 0x03;
        public const int ClassAlu = 0x04;
        public const int ClassJmp = 0x05;
        public const int ClassJmp32 = 0x06;
        public const int ClassAlu64 = 0x07;

        // Source bit for ALU and JMP classes.
        public const int SourceK = 0x00;
        public const int SourceX = 0x08;

        // ALU operation codes: the high four bits.
        public const int AluAdd = 0x00;
        public const int AluSub = 0x10;
        public const int AluMul = 0x20;
        public const int AluDiv = 0x30;
        public const int AluOr = 0x40;
        public const int AluAnd = 0x50;
        public const int AluLsh = 0x60;
        public const int AluRsh = 0x70;
        public const int AluNeg = 0x80;
        public const int AluMod = 0x90;
        public const int AluXor = 0xa0;
        public const int AluMov = 0xb0;
        public const int AluArsh = 0xc0;
        public const int AluEnd = 0xd0;

        // Jump operation codes: the high four bits.
        public const int JmpJa = 0x00;
        public const int JmpJeq = 0x10;
        public const int JmpJgt = 0x20;
        public const int JmpJge = 0x30;
        public const int JmpJset = 0x40;
        public const int JmpJne = 0x50;
        public const int JmpJsgt = 0x60;
        public const int JmpJsge = 0x70;
        public const int JmpCall = 0x80;
        public const int JmpExit = 0x90;
        public const int JmpJlt = 0xa0;
        public const int JmpJle = 0xb0;
        public const int JmpJslt = 0xc0;
        public const int JmpJsle = 0xd0;

        // Load/store size and mode.
        public const int SizeMask = 0x18;
        public const int SizeW = 0x00;
        public const int SizeH = 0x08;
        public const int SizeB = 0x10;
        public const int SizeDw = 0x18;
        public const int ModeMask = 0xe0;
        public const int ModeImm = 0x00;
        public const int ModeMem = 0x60;
        public const int ModeMemSx = 0x80;

        // CALL source field.
        public const int CallHelper = 0;
        public const int CallLocal = 1;

        // Full opcodes the interpreter dispatches on.
        public const int Lddw = 0x18;

        public const int LdxW = 0x61;
        public const int LdxH = 0x69;
        public const int LdxB = 0x71;
        public const int LdxDw = 0x79;
        public const int LdxSw = 0x81;
        public const int LdxSh = 0x89;
        public const int LdxSb = 0x91;

        public const int StW = 0x62;
        public const int StH = 0x6a;
        public const int StB = 0x72;
        public const int StDw = 0x7a;
        public const int StxW = 0x63;
        public const int StxH = 0x6b;
        public const int StxB = 0x73;
        public const int StxDw = 0x7b;

        public const int Add32K = 0x04, Add32X = 0x0c, Sub32K = 0x14, Sub32X = 0x1c;
        public const int Mul32K = 0x24, Mul32X = 0x2c, Div32K = 0x34, Div32X = 0x3c;
        public const int Or32K = 0x44, Or32X = 0x4c, And32K = 0x54, And32X = 0x5c;
        public const int Lsh32K = 0x64, Lsh32X = 0x6c, Rsh32K = 0x74, Rsh32X = 0x7c;
        public const int Neg32 = 0x84, Mod32K = 0x94, Mod32X = 0x9c;
        public const int Xor32K = 0xa4, Xor32X = 0xac, Mov32K = 0xb4, Mov32X = 0xbc;
        public const int Arsh32K = 0xc4, Arsh32X = 0xcc, Le = 0xd4, Be = 0xdc;

        public const int Add64K = 0x07, Add64X = 0x0f, Sub64K = 0x17, Sub64X = 0x1f;
        public const int Mul64K = 0x27, Mul64X = 0x2f, Div64K = 0x37, Div64X = 0x3f;
        public const int Or64K = 0x47, Or64X = 0x4f, And64K = 0x57, And64X = 0x5f;
        public const int Lsh64K = 0x67, Lsh64X = 0x6f, Rsh64K = 0x77, Rsh64X = 0x7f;
        public const int Neg64 = 0x87, Mod64K = 0x97, Mod64X = 0x9f;
        public const int Xor64K = 0xa7, Xor64X = 0xaf, Mov64K = 0xb7, Mov64X = 0xbf;
        public const int Arsh64K = 0xc7, Arsh64X = 0xcf, Bswap = 0xd7;

        public const int Ja = 0x05;
        public const int JeqK = 0x15, JeqX = 0x1d, JgtK = 0x25, JgtX = 0x2d;
        public const int JgeK = 0x35, JgeX = 0x3d, JsetK = 0x45, JsetX = 0x4d;
        public const int JneK = 0x55, JneX = 0x5d, JsgtK = 0x65, JsgtX = 0x6d;
        public const int JsgeK = 0x75, JsgeX = 0x7d, Call = 0x85, Exit = 0x95;
        public const int JltK = 0xa5, JltX = 0xad, JleK = 0xb5, JleX = 0xbd;
        public const int JsltK = 0xc5, JsltX = 0xcd, JsleK = 0xd5, JsleX = 0xdd;

        public const int Ja32 = 0x06;
        public const int Jeq32K = 0x16, Jeq32X = 0x1e, Jgt32K = 0x26, Jgt32X = 0x2e;
        public const int Jge32K = 0x36, Jge32X = 0x3e, Jset32K = 0x46, Jset32X = 0x4e;
        public const int Jne32K = 0x56, Jne32X = 0x5e, Jsgt32K = 0x66, Jsgt32X = 0x6e;
        public const int Jsge32K = 0x76, Jsge32X = 0x7e;
        public const int Jlt32K = 0xa6, Jlt32X = 0xae, Jle32K = 0xb6, Jle32X = 0xbe;
        public const int Jslt32K = 0xc6, Jslt32X = 0xce, Jsle32K = 0xd6, Jsle32X = 0xde;

        /// <summary>Access width in bytes of a load/store opcode.</summary>
        public static int AccessWidth(int opcode)
        {
            switch (opcode & SizeMask)
            {
                case SizeB: return 1;
                case SizeH: return 2;
                case SizeW: return 4;
                default: return 8;
            }
        }
    }
}
