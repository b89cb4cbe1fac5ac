using System.Security.Cryptography;
using System.Text;
using KubeKey.Abstractions;

namespace KubeKey.Cache.WindowsCredMan;

/// <summary>
/// The token cache on Windows Credential Manager: one generic credential per entry, or several
/// for entries over the 2,560-byte blob limit (see <see cref="ChunkedCredentials"/>). Also reads
/// the credentials the Go kubekey left through go-keyring.
/// </summary>
internal sealed class CredManTokenCache : ITokenCache, ILegacyKeyringReader
{
    // CRED_MAX_STRING_LENGTH is 256; labels carry an issuer URL of any length.
    private const int MaxCommentLength = 200;

    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ICredentialStore _store;
    private readonly ChunkedCredentials _credentials;
    private readonly IPluginLog _log;

    public CredManTokenCache(ICredentialStore store, CredentialTargets targets, IPluginLog log)
    {
        _store = store;
        _credentials = new ChunkedCredentials(store, targets, log);
        _log = log;
    }

    public ValueTask<TokenCacheEntry?> GetAsync(CacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();

        var stored = _credentials.Read(key.Value);
        if (stored.Problem is { } problem)
        {
            return Unusable(key, problem);
        }

        if (stored.Payload is not { } payload)
        {
            return ValueTask.FromResult<TokenCacheEntry?>(null);
        }

        try
        {
            return TokenCacheEntry.TryFromPayload(payload, out var entry)
                ? ValueTask.FromResult(entry)
                : Unusable(key, "it is not a cache entry this version of kubekey can read");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    public ValueTask StoreAsync(CacheKey key, TokenCacheEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();

        var payload = entry.ToPayload();
        try
        {
            var comment = key.Label.Length > MaxCommentLength ? key.Label[..MaxCommentLength] : key.Label;
            _credentials.Write(key.Value, comment, payload);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(CacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();

        return ValueTask.FromResult(_credentials.Delete(key.Value));
    }

    public ValueTask<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        return ValueTask.FromResult(_credentials.ListKeys());
    }

    /// <remarks>
    /// go-keyring on Windows writes a generic credential named "service:account" whose blob is
    /// the secret's UTF-8 bytes, unencoded.
    /// </remarks>
    public ValueTask<string?> ReadLegacySecretAsync(
        string service,
        string account,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(account);
        cancellationToken.ThrowIfCancellationRequested();

        var target = $"{service}:{account}";
        var result = _store.Read(target);
        if (result.Error == Win32Error.NotFound)
        {
            return ValueTask.FromResult<string?>(null);
        }

        if (!result.Succeeded)
        {
            throw CredentialErrors.For(result.Error, "read", target);
        }

        var blob = result.Value ?? [];
        try
        {
            return ValueTask.FromResult<string?>(StrictUtf8.GetString(blob));
        }
        catch (DecoderFallbackException)
        {
            _log.Warning(
                $"The credential \"{target}\" left by the previous kubekey is not UTF-8 text; ignoring it.");
            return ValueTask.FromResult<string?>(null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(blob);
        }
    }

    private ValueTask<TokenCacheEntry?> Unusable(CacheKey key, string problem)
    {
        _log.Warning(
            $"The cached login for {key.Label} in Windows Credential Manager is unusable because {problem}; "
            + "kubekey ignores it and the next login replaces it.");
        return ValueTask.FromResult<TokenCacheEntry?>(null);
    }
}
