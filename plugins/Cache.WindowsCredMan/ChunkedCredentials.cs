using System.Security.Cryptography;
using KubeKey.Abstractions;

namespace KubeKey.Cache.WindowsCredMan;

/// <summary>
/// Stores one payload per cache key across as many credentials as its size needs, so that a
/// reader sees the old payload or the new one, never a mixture, and a crashed writer leaves the
/// old payload readable.
/// </summary>
/// <remarks>
/// A payload that fits one blob lives inline in the head credential, replaced in one CredWrite.
/// A larger one is written as parts under a fresh generation id first; the head, written last,
/// then names that generation, the part count, the length and the SHA-256 of the whole. Only
/// after the switch are older generations deleted. A reader that finds a part gone looks at the
/// head again, since a writer may just have switched it. kubekey serialises its own writers.
/// </remarks>
internal sealed class ChunkedCredentials
{
    /// <summary>CRED_MAX_CREDENTIAL_BLOB_SIZE (5 × 512 bytes): the most one credential holds.</summary>
    public const int MaxBlobSize = 5 * 512;

    // Each retry follows a head switch by another writer; three in a row means something is wrong.
    private const int MaxReadAttempts = 3;

    private readonly ICredentialStore _store;
    private readonly CredentialTargets _targets;
    private readonly IPluginLog _log;

    public ChunkedCredentials(ICredentialStore store, CredentialTargets targets, IPluginLog log)
    {
        _store = store;
        _targets = targets;
        _log = log;
    }

    /// <summary>Replaces the payload stored under <paramref name="keyValue"/>.</summary>
    /// <exception cref="TokenCacheException">Nothing changed that a reader would see.</exception>
    public void Write(string keyValue, string comment, byte[] payload)
    {
        var head = _targets.Head(keyValue);
        if (payload.Length <= MaxBlobSize - HeadRecord.InlineOverhead)
        {
            WriteOrThrow(head, comment, HeadRecord.EncodeInline(payload));
            DeleteParts(keyValue, _ => true, strict: false);
            return;
        }

        var generation = RandomNumberGenerator.GetHexString(HeadRecord.GenerationLength, lowercase: true);
        var partCount = (payload.Length + MaxBlobSize - 1) / MaxBlobSize;
        try
        {
            WriteParts(keyValue, generation, partCount, comment, payload);
            var manifest = HeadRecord.EncodeManifest(generation, partCount, payload.Length, SHA256.HashData(payload));
            WriteOrThrow(head, comment, manifest);
        }
        catch (TokenCacheException)
        {
            DeleteParts(keyValue, g => g == generation, strict: false);
            throw;
        }

        DeleteParts(keyValue, g => g != generation, strict: false);
    }

    /// <summary>Reads and verifies the payload stored under <paramref name="keyValue"/>.</summary>
    /// <exception cref="TokenCacheException">Credential Manager itself failed.</exception>
    public StoredPayload Read(string keyValue)
    {
        var headTarget = _targets.Head(keyValue);
        string? previousGeneration = null;
        for (var attempt = 0; attempt < MaxReadAttempts; attempt++)
        {
            var blob = _store.Read(headTarget);
            if (blob.Error == Win32Error.NotFound)
            {
                return StoredPayload.Missing;
            }

            ThrowIfFailed(blob.Error, "read", headTarget);
            if (!HeadRecord.TryDecode(blob.Value, out var head) || head is null)
            {
                return StoredPayload.Broken("its head credential is not in kubekey's format");
            }

            if (head.InlinePayload is { } inline)
            {
                return StoredPayload.Found(inline);
            }

            if (head.Generation == previousGeneration)
            {
                return StoredPayload.Broken($"one of its {head.PartCount} parts is missing");
            }

            var parts = ReadParts(keyValue, head);
            if (parts is not null)
            {
                return parts;
            }

            previousGeneration = head.Generation;
        }

        return StoredPayload.Broken("it kept changing while being read");
    }

    /// <summary>Deletes the head and every part of <paramref name="keyValue"/>.</summary>
    /// <returns>Whether there was a head, that is, an entry.</returns>
    public bool Delete(string keyValue)
    {
        var head = _targets.Head(keyValue);
        var error = _store.Delete(head);
        if (error != Win32Error.NotFound)
        {
            ThrowIfFailed(error, "delete", head);
        }

        // Parts hold pieces of tokens: a removal that leaves any behind has failed.
        DeleteParts(keyValue, _ => true, strict: true);
        return error == Win32Error.Success;
    }

    /// <summary>The cache key values that have a head credential.</summary>
    public IReadOnlyList<string> ListKeys()
    {
        var found = _store.Enumerate(_targets.AllFilter);
        if (found.Error == Win32Error.NotFound)
        {
            return [];
        }

        ThrowIfFailed(found.Error, "list", _targets.AllFilter);
        var keys = new List<string>();
        foreach (var target in found.Value ?? [])
        {
            if (_targets.TryParseHead(target, out var keyValue))
            {
                keys.Add(keyValue);
            }
        }

        return keys;
    }

    private void WriteParts(string keyValue, string generation, int partCount, string comment, byte[] payload)
    {
        for (var i = 0; i < partCount; i++)
        {
            var start = i * MaxBlobSize;
            var part = payload[start..Math.Min(start + MaxBlobSize, payload.Length)];
            try
            {
                var target = _targets.Part(keyValue, generation, i);
                WriteOrThrow(target, $"{comment} (part {i + 1} of {partCount})", part);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(part);
            }
        }
    }

    /// <returns>The outcome, or <see langword="null"/> when a part is gone and the head may have moved.</returns>
    private StoredPayload? ReadParts(string keyValue, HeadRecord head)
    {
        var payload = new byte[head.TotalLength];
        var offset = 0;
        for (var i = 0; i < head.PartCount; i++)
        {
            var target = _targets.Part(keyValue, head.Generation, i);
            var part = _store.Read(target);
            if (part.Error == Win32Error.NotFound)
            {
                return null;
            }

            ThrowIfFailed(part.Error, "read", target);
            var bytes = part.Value ?? [];
            if (offset + bytes.Length > payload.Length)
            {
                return StoredPayload.Broken($"its parts hold more than the {head.TotalLength} bytes its head names");
            }

            bytes.CopyTo(payload, offset);
            offset += bytes.Length;
            CryptographicOperations.ZeroMemory(bytes);
        }

        if (offset != payload.Length)
        {
            return StoredPayload.Broken($"its parts hold fewer than the {head.TotalLength} bytes its head names");
        }

        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(payload), head.Hash))
        {
            return StoredPayload.Broken("its parts do not match the checksum in its head credential");
        }

        return StoredPayload.Found(payload);
    }

    private void DeleteParts(string keyValue, Func<string, bool> shouldDelete, bool strict)
    {
        var filter = _targets.PartsFilter(keyValue);
        var found = _store.Enumerate(filter);
        if (found.Error == Win32Error.NotFound || !Check(found.Error, "list", filter, strict))
        {
            return;
        }

        foreach (var target in found.Value ?? [])
        {
            if (_targets.TryParsePartGeneration(target, keyValue, out var generation) && shouldDelete(generation))
            {
                var error = _store.Delete(target);
                if (error != Win32Error.NotFound)
                {
                    Check(error, "delete", target, strict);
                }
            }
        }
    }

    // Strict callers throw. Clean-up after a write is best effort instead: the entry is stored,
    // the leftovers are unreachable, and the next write tries again.
    private bool Check(int error, string operation, string target, bool strict)
    {
        if (error == Win32Error.Success)
        {
            return true;
        }

        if (strict)
        {
            throw CredentialErrors.For(error, operation, target);
        }

        _log.Debug($"Could not {operation} the stale credential \"{target}\" (Win32 error {error}).");
        return false;
    }

    private void WriteOrThrow(string target, string comment, byte[] blob) =>
        ThrowIfFailed(_store.Write(target, comment, blob), "write", target);

    private static void ThrowIfFailed(int error, string operation, string target)
    {
        if (error != Win32Error.Success)
        {
            throw CredentialErrors.For(error, operation, target);
        }
    }
}
