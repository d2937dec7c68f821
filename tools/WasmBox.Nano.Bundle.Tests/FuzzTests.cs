using WasmBox.Nano.Bundle.Tests.Support;
using WasmBox.Nano.Cbor;
using WasmBox.Nano.Signing.Checking;

namespace WasmBox.Nano.Bundle.Tests;

/// <summary>
/// Thousands of mutated bundles, manifests and images through the board's parsers: none throws,
/// none is accepted unless it is byte for byte the original, and each case is bounded by
/// construction (inputs of at most a few KB, parsers linear in their input, nesting limited).
/// Seeded, so a failure names a reproducible case.
/// </summary>
public class FuzzTests
{
    private const int Cases = 4000;

    [Fact]
    public void Mutated_bundles_are_refused_without_throwing()
    {
        byte[] original = Samples.Bundle();
        var mutator = new Mutator(original, seed: 1);
        var seen = new HashSet<BundleError>();
        for (int i = 0; i < Cases; i++)
        {
            byte[] mutant = mutator.Next(out string how);

            FunctionImage? image = Samples.Open(mutant, Tenants.Both, out BundleError error, out string detail);

            string name = "case " + i + " (" + how + ")";
            if (mutant.AsSpan().SequenceEqual(original))
            {
                continue;
            }
            Assert.True(image is null, name + " was accepted");
            Assert.True(error != BundleError.None && !string.IsNullOrEmpty(detail), name);
            Assert.Equal(error, BundleChecker.Check(mutant, Tenants.Both).Error);
            seen.Add(error);
        }
        // The mutations reach deep: past the envelope into the manifest and signature checks.
        Assert.Contains(BundleError.Malformed, seen);
        Assert.Contains(BundleError.BadManifest, seen);
        Assert.Contains(BundleError.BadSignature, seen);
        Assert.Contains(BundleError.DigestMismatch, seen);
    }

    [Fact]
    public void Mutated_manifests_decode_or_are_refused_without_throwing()
    {
        byte[] bundle = Samples.Bundle();
        byte[] manifest = BundleReader.Parse(bundle, 0, bundle.Length, out _, out _).ManifestBytes();
        var mutator = new Mutator(manifest, seed: 2);
        int decoded = 0;
        for (int i = 0; i < Cases; i++)
        {
            byte[] mutant = mutator.Next(out _);
            Manifest? m = ManifestCodec.Decode(mutant, 0, mutant.Length, out BundleError error, out string detail);
            if (m is null)
            {
                Assert.True(error is BundleError.BadManifest or BundleError.UnsupportedVersion, error + ": " + detail);
                continue;
            }
            decoded++;
            // Whatever decodes obeys the rules and re-encodes to the very same bytes.
            Assert.True(ManifestCodec.IsIdentifier(m.Tenant));
            Assert.InRange(m.Slot, 0, 255);
            Assert.True(m.Sequence >= 1);
            Assert.Equal(mutant, ManifestCodec.Encode(m));
        }
        Assert.True(decoded > 0, "no mutant decoded; the mutations are too coarse to test the rules");
    }

    [Fact]
    public void Mutated_images_decode_or_are_refused_without_throwing()
    {
        byte[] image = ImageCodec.Encode(Samples.Image());
        var mutator = new Mutator(image, seed: 3);
        for (int i = 0; i < Cases; i++)
        {
            byte[] mutant = mutator.Next(out _);
            FunctionImage? decoded = ImageCodec.Decode(mutant, 0, mutant.Length, out string error);
            if (decoded is null)
            {
                Assert.False(string.IsNullOrEmpty(error));
                continue;
            }
            Assert.True(decoded.Text.Length > 0 && decoded.Text.Length % 8 == 0);
            Assert.InRange(decoded.Entries.Length, 1, ImageCodec.MaxEntries);
            Assert.All(decoded.Entries, e => Assert.InRange(e.Index, 0, decoded.Text.Length / 8 - 1));
        }
    }

    /// <summary>
    /// Random byte flips, overwrites, insertions, deletions and truncations, and CBOR-aware
    /// changes to item heads (other lengths and counts, longer head forms, huge announced
    /// sizes, other major types), one to three per case.
    /// </summary>
    private sealed class Mutator(byte[] original, int seed)
    {
        private readonly Random _random = new(seed);
        private readonly int[] _heads = HeadOffsets(original);

        public byte[] Next(out string how)
        {
            var bytes = new List<byte>(original);
            var steps = new List<string>();
            int count = 1 + _random.Next(3);
            for (int i = 0; i < count && bytes.Count > 0; i++)
            {
                steps.Add(Mutate(bytes));
            }
            how = string.Join(", ", steps);
            return bytes.ToArray();
        }

        private string Mutate(List<byte> b)
        {
            int at = _random.Next(b.Count);
            switch (_random.Next(8))
            {
                case 0:
                    int bit = _random.Next(8);
                    b[at] ^= (byte)(1 << bit);
                    return "flip bit " + bit + " at " + at;
                case 1:
                    b[at] = (byte)_random.Next(256);
                    return "set " + at;
                case 2:
                    b.InsertRange(at, RandomBytes(1 + _random.Next(4)));
                    return "insert at " + at;
                case 3:
                    int length = Math.Min(1 + _random.Next(8), b.Count - at);
                    b.RemoveRange(at, length);
                    return "delete " + length + " at " + at;
                case 4:
                    b.RemoveRange(at, b.Count - at);
                    return "truncate to " + at;
                default:
                    return MutateHead(b);
            }
        }

        private string MutateHead(List<byte> b)
        {
            int at = _heads[_random.Next(_heads.Length)];
            if (at >= b.Count)
            {
                return "head past the end";
            }
            int major = b[at] & 0xe0;
            int info = b[at] & 0x1f;
            switch (_random.Next(5))
            {
                case 0:
                    b[at] = (byte)(major | Math.Clamp(info + _random.Next(-2, 3), 0, 23));
                    return "nudge argument at " + at;
                case 1:
                    // Announce 2^32 - 1 (or another huge size) with a four-byte head.
                    b[at] = (byte)(major | 26);
                    b.InsertRange(at + 1, [0xff, 0xff, 0xff, (byte)_random.Next(256)]);
                    return "huge argument at " + at;
                case 2:
                    b[at] = (byte)(major | 27);
                    b.InsertRange(at + 1, RandomBytes(8));
                    return "random 8-byte argument at " + at;
                case 3:
                    b[at] = (byte)((_random.Next(8) << 5) | info);
                    return "other major type at " + at;
                default:
                    // A non-shortest form of the same argument.
                    if (info < 24)
                    {
                        b[at] = (byte)(major | 24);
                        b.Insert(at + 1, (byte)info);
                    }
                    return "longer head at " + at;
            }
        }

        private byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            _random.NextBytes(bytes);
            return bytes;
        }

        /// <summary>Offsets of every item head, including those inside byte strings that hold CBOR.</summary>
        private static int[] HeadOffsets(byte[] bytes)
        {
            var heads = new List<int>();
            Walk(new CborReader(bytes, 0, bytes.Length, 64), heads, depth: 16);
            return heads.Count > 0 ? heads.ToArray() : [0];
        }

        /// <remarks>Reader positions are offsets in the whole buffer, nested readers included.</remarks>
        private static void Walk(CborReader r, List<int> heads, int depth)
        {
            while (!r.AtEnd && r.Error == CborError.None && depth > 0)
            {
                heads.Add(r.Position);
                switch (r.PeekMajorType())
                {
                    case CborReader.MajorBytes:
                        if (r.ReadBytes(int.MaxValue, out int offset, out int length) && length > 0)
                        {
                            var inner = new CborReader(r.Buffer, offset, length, 64);
                            var nested = new List<int>();
                            Walk(inner, nested, depth - 1);
                            if (inner.Error == CborError.None)
                            {
                                heads.AddRange(nested);
                            }
                        }
                        break;
                    case CborReader.MajorArray:
                        r.ReadArrayStart(out _);
                        break;
                    case CborReader.MajorMap:
                        r.ReadMapStart(out _);
                        break;
                    case CborReader.MajorTag:
                        r.ReadTag(out _);
                        break;
                    default:
                        r.Skip(0);
                        break;
                }
            }
        }
    }
}
