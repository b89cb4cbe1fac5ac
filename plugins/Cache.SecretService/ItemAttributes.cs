using KubeKey.Abstractions;

namespace KubeKey.Cache.SecretService;

/// <summary>
/// The attributes that find kubekey's keyring items. They are stored in clear and are not
/// secret; the label is for people browsing the keyring (Seahorse, <c>secret-tool search</c>).
/// </summary>
internal static class ItemAttributes
{
    public const string Application = "application";
    public const string ApplicationName = "kubekey";
    public const string CacheKey = "kubekey-cache-key";

    /// <summary>
    /// libsecret clients filter items by <c>xdg:schema</c>; written so that they see ours. Not used
    /// when searching, so items stay found whatever schema another tool wrote.
    /// </summary>
    public const string Schema = "xdg:schema";
    public const string SchemaName = "io.github.kubekey.Token";

    // go-keyring's Linux backend, as the original Go kubekey used it.
    public const string LegacyService = "service";
    public const string LegacyAccount = "username";

    /// <summary>The attributes written on the item of <paramref name="key"/>.</summary>
    public static IReadOnlyDictionary<string, string> ForStore(CacheKey key) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Application] = ApplicationName,
            [CacheKey] = key.Value,
            [Schema] = SchemaName,
        };

    /// <summary>The attributes that find the item of <paramref name="key"/>.</summary>
    public static IReadOnlyDictionary<string, string> ForLookup(CacheKey key) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Application] = ApplicationName,
            [CacheKey] = key.Value,
        };

    /// <summary>The attributes that find every item kubekey stored.</summary>
    public static IReadOnlyDictionary<string, string> ForAll() =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [Application] = ApplicationName };

    /// <summary>The attributes go-keyring wrote for a service and account.</summary>
    public static IReadOnlyDictionary<string, string> ForLegacy(string service, string account) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LegacyService] = service,
            [LegacyAccount] = account,
        };
}
