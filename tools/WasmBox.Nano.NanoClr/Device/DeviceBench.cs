using System;
using WasmBox.Nano.Crypto;
using WasmBox.Nano.Crypto.NfTests;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Bench.Device
{
    /// <summary>
    /// Device code (nanoFramework subset), compiled into a generated program and run on nanoCLR by
    /// <c>WasmBox.Nano.NanoClr bench</c>: times the VM kernels, an ES256 verify and SHA-256 through the
    /// device build and prints one line per measurement for the host to read:
    /// <c>bench NAME runs=R instructions=I ms=T result=0x...</c>.
    /// </summary>
    public static class DeviceBench
    {
        public static void Kernel(string name, string codeHex, string inputHex, ulong expected, int instructionBudget, int branchBudget, int runs)
        {
            VerifierOptions options = new VerifierOptions();
            options.Helpers = new HelperTable();
            VerifyResult verified = Verifier.Verify(TestBytes.FromHex(codeHex), options);
            if (!verified.Ok)
            {
                Console.WriteLine("bench " + name + " error=verifier: " + verified.Message);
                return;
            }
            Vm.Vm vm = new Vm.Vm(verified.Program, options.Helpers, null, Vm.Vm.DefaultStackFrames);
            vm.InstructionBudget = instructionBudget;
            vm.BranchBudget = branchBudget;
            byte[] input = TestBytes.FromHex(inputHex);
            if (input.Length > 0)
            {
                vm.Memory.Map(new MemoryRegion(MemoryRegion.ContextBase, input, true, true));
            }
            ulong address = input.Length > 0 ? MemoryRegion.ContextBase : 0;
            long instructions = 0;
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < runs; i++)
            {
                if (vm.Run(address, (ulong)input.Length) != VmStatus.Ok || vm.Result != expected)
                {
                    Console.WriteLine("bench " + name + " error=run " + i.ToString() + " ended with status " + ((int)vm.Status).ToString()
                        + " and r0 0x" + vm.Result.ToString("x"));
                    return;
                }
                instructions += vm.InstructionCount;
            }
            Report(name, runs, instructions, DateTime.UtcNow.Ticks - start, vm.Result);
        }

        public static void Es256Verify(int runs)
        {
            EcdsaP256Verifier verifier = new EcdsaP256Verifier();
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < runs; i++)
            {
                if (!EcdsaP256Benchmark.VerifyReferenceSignature(verifier))
                {
                    Console.WriteLine("bench es256 error=the reference signature did not verify");
                    return;
                }
            }
            Report("es256", runs, 0, DateTime.UtcNow.Ticks - start, 1);
        }

        public static void Sha256Of4KiB(int runs)
        {
            byte[] data = new byte[4096];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)i;
            }
            Sha256 sha = new Sha256();
            byte[] digest = new byte[Sha256.HashSize];
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < runs; i++)
            {
                sha.Reset();
                sha.Update(data, 0, data.Length);
                sha.Final(digest, 0);
            }
            Report("sha256-4k", runs, 0, DateTime.UtcNow.Ticks - start, digest[0]);
        }

        private static void Report(string name, int runs, long instructions, long ticks, ulong result)
        {
            Console.WriteLine("bench " + name + " runs=" + runs.ToString() + " instructions=" + instructions.ToString()
                + " ms=" + (ticks / TimeSpan.TicksPerMillisecond).ToString() + " result=0x" + result.ToString("x"));
        }
    }
}
