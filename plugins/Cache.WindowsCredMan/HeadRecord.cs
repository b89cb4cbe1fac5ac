using System.Buffers.Binary;
using System.Text;

namespace KubeKey.Cache.WindowsCredMan;

/// <summary>
/// The blob of an entry's head credential: either the whole payload (when it fits one blob) or a
/// manifest naming the generation of the parts, how many there are, the payload's length and its
/// SHA-256, so a reader can prove it reassembled exactly what one writer wrote.
/// </summary>
/// <remarks>
/// Layout: "KKC1", then 'i' and the payload, or 'c', the generation (32 hex characters), the part
/// count and total length (little-endian 32-bit), and the 32-byte hash.
/// </remarks>
internal sealed class HeadRecord
{
    /// <summary>Bytes an inline head spends before the payload.</summary>
    public const int InlineOverhead = 5;

    /// <summary>Characters of a generation id: 16 random bytes in lower-case hex.</summary>
    public const int GenerationLength = 32;

    private const int HashLength = 32;
    private const int ChunkedLength = InlineOverhead + GenerationLength + 4 + 4 + HashLength;
    private const byte InlineKind = (byte)'i';
    private const byte ChunkedKind = (byte)'c';
    private static readonly byte[] Magic = "KKC1"u8.ToArray();

    private HeadRecord(byte[]? inlinePayload, string generation, int partCount, int totalLength, byte[] hash)
    {
        InlinePayload = inlinePayload;
        Generation = generation;
        PartCount = partCount;
        TotalLength = totalLength;
        Hash = hash;
    }

    /// <summary>The payload itself for an inline head; <see langword="null"/> for a manifest.</summary>
    public byte[]? InlinePayload { get; }

    public string Generation { get; }

    public int PartCount { get; }

    public int TotalLength { get; }

    public byte[] Hash { get; }

    public static byte[] EncodeInline(ReadOnlySpan<byte> payload)
    {
        var blob = new byte[InlineOverhead + payload.Length];
        Magic.CopyTo(blob, 0);
        blob[4] = InlineKind;
        payload.CopyTo(blob.AsSpan(InlineOverhead));
        return blob;
    }

    public static byte[] EncodeManifest(string generation, int partCount, int totalLength, ReadOnlySpan<byte> hash)
    {
        if (generation.Length != GenerationLength || hash.Length != HashLength)
        {
            throw new ArgumentException("A manifest needs a 32-character generation and a SHA-256 hash.");
        }

        var blob = new byte[ChunkedLength];
        Magic.CopyTo(blob, 0);
        blob[4] = ChunkedKind;
        Encoding.ASCII.GetBytes(generation, blob.AsSpan(InlineOverhead, GenerationLength));
        var numbers = blob.AsSpan(InlineOverhead + GenerationLength);
        BinaryPrimitives.WriteInt32LittleEndian(numbers, partCount);
        BinaryPrimitives.WriteInt32LittleEndian(numbers[4..], totalLength);
        hash.CopyTo(numbers[8..]);
        return blob;
    }

    /// <summary>Reads a head blob; <see langword="false"/> for anything kubekey did not write.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> blob, out HeadRecord? head)
    {
        head = null;
        if (blob.Length < InlineOverhead || !blob[..4].SequenceEqual(Magic))
        {
            return false;
        }

        if (blob[4] == InlineKind)
        {
            head = new HeadRecord(blob[InlineOverhead..].ToArray(), string.Empty, 0, blob.Length - InlineOverhead, []);
            return true;
        }

        if (blob[4] != ChunkedKind || blob.Length != ChunkedLength)
        {
            return false;
        }

        var generation = Encoding.ASCII.GetString(blob.Slice(InlineOverhead, GenerationLength));
        var numbers = blob[(InlineOverhead + GenerationLength)..];
        var partCount = BinaryPrimitives.ReadInt32LittleEndian(numbers);
        var totalLength = BinaryPrimitives.ReadInt32LittleEndian(numbers[4..]);
        if (!generation.All(char.IsAsciiHexDigitLower) || partCount < 1 || totalLength < partCount)
        {
            return false;
        }

        head = new HeadRecord(null, generation, partCount, totalLength, numbers[8..].ToArray());
        return true;
    }
}
