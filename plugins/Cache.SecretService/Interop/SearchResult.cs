namespace KubeKey.Cache.SecretService.Interop;

/// <summary>The items a <c>SearchItems</c> call found, split as the service reports them.</summary>
/// <param name="Unlocked">Items whose secrets can be read now.</param>
/// <param name="Locked">Items in a locked collection; reading them needs an unlock first.</param>
internal sealed record SearchResult(IReadOnlyList<string> Unlocked, IReadOnlyList<string> Locked)
{
    public bool IsEmpty => Unlocked.Count == 0 && Locked.Count == 0;
}
