namespace KubeKey.Abstractions;

/// <summary>
/// Names one cached login: the issuer, client, scopes, extra authorization parameters and
/// profile it was made for, reduced to a short <see cref="Value"/> that backends use as the
/// storage name. Two kubeconfig entries share a token exactly when their keys have equal values.
/// </summary>
/// <remarks>
/// Backends treat <see cref="Value"/> as opaque. It contains only lower-case hexadecimal digits,
/// so it is safe as a file name, a keyring attribute or a credential target.
/// </remarks>
public sealed class CacheKey : IEquatable<CacheKey>
{
    /// <summary>Creates a key. kubekey computes keys; plugins only receive them.</summary>
    /// <param name="value">The storage name: lower-case hexadecimal digits, not empty.</param>
    /// <param name="issuer">The issuer URL the login was made at, for labels.</param>
    /// <param name="clientId">The OAuth client id, for labels.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="value"/> is empty or holds anything but lower-case hexadecimal digits.
    /// </exception>
    public CacheKey(string value, string issuer, string clientId)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(clientId);
        if (value.Length == 0 || !value.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A cache key value holds lower-case hexadecimal digits only.", nameof(value));
        }

        Value = value;
        Issuer = issuer;
        ClientId = clientId;
    }

    /// <summary>The storage name backends key their entries by.</summary>
    public string Value { get; }

    /// <summary>The issuer URL, for human-readable labels only.</summary>
    public string Issuer { get; }

    /// <summary>The OAuth client id, for human-readable labels only.</summary>
    public string ClientId { get; }

    /// <summary>A label for a keyring item or a log line: "kubekey: issuer (client id)".</summary>
    public string Label => $"kubekey: {Issuer} ({ClientId})";

    /// <inheritdoc />
    public bool Equals(CacheKey? other) => other is not null && other.Value == Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CacheKey);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Value;
}
