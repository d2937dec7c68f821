namespace WasmBox.Nano.Vm
{
    /// <summary>Why the pre-flight verifier refused a program.</summary>
    public enum VerifyError
    {
        None = 0,
        Empty,
        LengthNotMultipleOf8,
        TooLarge,
        UnknownOpcode,
        ReservedFieldNotZero,
        BadRegister,
        WritesFrameRegister,
        JumpOutOfRange,
        JumpIntoLddw,
        IncompleteLddw,
        UnsupportedLddwSource,
        BadCallTarget,
        UnknownHelper,
        HelperNotGranted,
        BadByteSwapWidth,
        BadOffsetVariant,
        FallsOffEnd,
        /// <summary>A jump leaves the function (sub-program) it is in.</summary>
        JumpLeavesFunction,
    }

    /// <summary>Outcome of <see cref="Verifier.Verify"/>: a program, or the first error found.</summary>
    public sealed class VerifyResult
    {
        private readonly VmProgram _program;
        private readonly VerifyError _error;
        private readonly int _index;
        private readonly int _opcode;
        private readonly string _reason;

        internal VerifyResult(VmProgram program)
        {
            _program = program;
            _index = -1;
            _opcode = -1;
            _reason = "ok";
        }

        internal VerifyResult(VerifyError error, int index, int opcode, string reason)
        {
            _error = error;
            _index = index;
            _opcode = opcode;
            _reason = reason;
        }

        public bool Ok { get { return _program != null; } }

        /// <summary>The decoded program when <see cref="Ok"/>, else null.</summary>
        public VmProgram Program { get { return _program; } }

        public VerifyError Error { get { return _error; } }

        /// <summary>Instruction index of the error, or -1 when it concerns the whole program.</summary>
        public int Index { get { return _index; } }

        /// <summary>Opcode at <see cref="Index"/>, or -1.</summary>
        public int Opcode { get { return _opcode; } }

        public string Reason { get { return _reason; } }

        /// <summary>One line for logs and CLIs, e.g. "instruction 3 (opcode 0xbf): writes r10".</summary>
        public string Message
        {
            get
            {
                if (Ok)
                {
                    return "ok";
                }
                if (_index < 0)
                {
                    return _reason;
                }
                return "instruction " + _index + " (opcode 0x" + _opcode.ToString("x2") + "): " + _reason;
            }
        }
    }
}
