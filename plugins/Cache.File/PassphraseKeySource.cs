using System.Buffers.Binary;
using System.Security.Cryptography;

namespace KubeKey.Cache.File;

/// <summary>
/// A key derived from a passphrase with PBKDF2-HMAC-SHA256 and a fresh random salt for every
/// file, so equal passphrases on two hosts or two entries never yield the same key.
/// </summary>
/// <remarks>
/// The derivation runs on every read and write, a cache hit included, and costs what its
/// iteration count costs (see docs/cache-backends.md). The count is stored in each file but a
/// file is only opened with the count this source uses: a tampered count could otherwise make a
/// read spin for minutes.
/// </remarks>
internal sealed class PassphraseKeySource(string passphrase, int iterations) : IKeySource
{
    /// <summary>The tag of files sealed with a passphrase.</summary>
    public const byte PassphraseKind = 2;

    /// <summary>The OWASP recommendation for PBKDF2-HMAC-SHA256 (2023).</summary>
    public const int DefaultIterations = 600_000;

    private const int SaltLength = 16;
    private const int KeyLength = 32;

    public byte Kind => PassphraseKind;

    public int ParameterLength => sizeof(int) + SaltLength;

    public string Description => $"the passphrase in {KeySources.PassphraseVariable}";

    public byte[] KeyForNewFile(Span<byte> parameters)
    {
        BinaryPrimitives.WriteInt32BigEndian(parameters, iterations);
        var salt = parameters.Slice(sizeof(int), SaltLength);
        RandomNumberGenerator.Fill(salt);

        return Derive(salt);
    }

    public byte[]? KeyForFile(ReadOnlySpan<byte> parameters)
    {
        if (BinaryPrimitives.ReadInt32BigEndian(parameters) != iterations)
        {
            return null;
        }

        return Derive(parameters.Slice(sizeof(int), SaltLength));
    }

    private byte[] Derive(ReadOnlySpan<byte> salt) =>
        Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, iterations, HashAlgorithmName.SHA256, KeyLength);
}
