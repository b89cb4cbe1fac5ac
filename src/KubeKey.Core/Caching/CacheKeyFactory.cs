using System.IO.Hashing;
using System.Text;
using KubeKey.Abstractions;
using KubeKey.Core.Settings;

namespace KubeKey.Core.Caching;

/// <summary>
/// Computes the <see cref="CacheKey"/> of a login. Two kubeconfig entries share a cached token
/// exactly when these agree: the normalised issuer, the client id, the set of scopes, the extra
/// authorization parameters, and the profile name. docs/configuration.md documents the rule.
/// </summary>
public static class CacheKeyFactory
{
    // Bumped when the canonical form changes, so old and new keys never collide.
    private const string FormatVersion = "kubekey-cache-key-v2";

    /// <summary>Computes the key for the identity in <paramref name="settings"/>.</summary>
    /// <remarks>Call <see cref="SettingsResolver.RequireIdentity"/> first.</remarks>
    public static CacheKey Create(KubeKeySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings.IssuerUrl);
        ArgumentNullException.ThrowIfNull(settings.ClientId);

        var issuer = NormalizeIssuer(settings.IssuerUrl);
        var canonical = Canonicalize(issuer, settings.ClientId, settings.Scopes, settings.AuthParams, settings.Profile);

        // Not a secret and not adversarial input, so a fast non-cryptographic hash serves; it
        // keeps OpenSSL out of the cache-hit path (see REFERENCE.md §6).
        var hash = XxHash128.Hash(Encoding.UTF8.GetBytes(canonical));
        return new CacheKey(Convert.ToHexStringLower(hash), issuer, settings.ClientId);
    }

    /// <summary>
    /// The issuer as compared for caching: scheme and host lower-case, default port dropped,
    /// trailing slashes removed. Token validation still compares the exact issuer string.
    /// </summary>
    public static string NormalizeIssuer(string issuer)
    {
        var uri = new Uri(issuer.Trim(), UriKind.Absolute);
        var authority = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return $"{uri.Scheme}://{authority.ToLowerInvariant()}{uri.AbsolutePath.TrimEnd('/')}";
    }

    internal static string Canonicalize(
        string issuer,
        string clientId,
        IEnumerable<string> scopes,
        IReadOnlyDictionary<string, string> authParams,
        string? profile)
    {
        // One field a line; values cannot hold a newline that would shift fields, because each
        // is length-prefixed.
        var builder = new StringBuilder(FormatVersion).Append('\n');
        Append(builder, issuer);
        Append(builder, clientId);
        Append(builder, string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        foreach (var (name, value) in authParams.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // Name and value are separate fields: joined by '=', ("a", "b=c") and ("a=b", "c")
            // would share a key though they send different requests.
            Append(builder, name);
            Append(builder, value);
        }

        Append(builder, "profile=" + (profile ?? string.Empty));
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string field) =>
        builder.Append(field.Length).Append(':').Append(field).Append('\n');
}
