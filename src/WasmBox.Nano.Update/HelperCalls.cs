namespace WasmBox.Nano.Update
{
    /// <summary>The helper ids a bytecode calls, read from its call instructions (class JMP, op CALL, src 0).</summary>
    public static class HelperCalls
    {
        private const int InstructionSize = 8;
        private const byte CallOpcode = 0x85;
        private const byte LddwOpcode = 0x18;

        /// <summary>Distinct helper ids in ascending order; the text is assumed to be whole instructions.</summary>
        public static int[] Of(byte[] text)
        {
            bool[] seen = new bool[256];
            int count = 0;
            for (int i = 0; i + InstructionSize <= text.Length; i += InstructionSize)
            {
                byte op = text[i];
                if (op == LddwOpcode)
                {
                    // The second half of an lddw is data, never an instruction.
                    i += InstructionSize;
                    continue;
                }
                int id = text[i + 4] | (text[i + 5] << 8) | (text[i + 6] << 16) | (text[i + 7] << 24);
                if (op == CallOpcode && (text[i + 1] >> 4) == 0 && id >= 0 && id < seen.Length && !seen[id])
                {
                    seen[id] = true;
                    count++;
                }
            }
            int[] ids = new int[count];
            int k = 0;
            for (int id = 0; id < seen.Length; id++)
            {
                if (seen[id])
                {
                    ids[k++] = id;
                }
            }
            return ids;
        }
    }
}
