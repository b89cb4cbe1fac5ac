using KubeKey.Abstractions;
using KubeKey.Host.Errors;

namespace KubeKey.Host.Caching;

/// <summary>
/// The token cache of a run, with a deadline on every call: a keyring daemon that stopped
/// answering must fail the command with a message, never hang kubectl.
/// </summary>
internal sealed class CacheAccess
{
    /// <summary>How long one cache call may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly ITokenCache _cache;
    private readonly TextWriter _stderr;

    public CacheAccess(ITokenCache cache, string name, TextWriter stderr)
    {
        _cache = cache;
        _stderr = stderr;
        Name = name;
    }

    /// <summary>The cache's name, as the person chose it or kubekey did.</summary>
    public string Name { get; }

    /// <exception cref="CredentialException">The cache did not answer in time.</exception>
    /// <exception cref="TokenCacheException">The cache failed.</exception>
    public Task<TokenCacheEntry?> GetAsync(CacheKey key) =>
        WithTimeoutAsync(token => _cache.GetAsync(key, token).AsTask());

    /// <exception cref="CredentialException">The cache did not answer in time.</exception>
    /// <exception cref="TokenCacheException">The cache failed.</exception>
    public Task StoreAsync(CacheKey key, TokenCacheEntry entry) =>
        WithTimeoutAsync(async token =>
        {
            await _cache.StoreAsync(key, entry, token).ConfigureAwait(false);
            return true;
        });

    private async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, Task<T>> call)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var notice = Login.SlowWaitNotice.Start(_stderr, $"the {Name} token cache", Timeout);
        try
        {
            return await call(timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw CredentialException.CacheTimeout(Name, Timeout);
        }
    }
}
