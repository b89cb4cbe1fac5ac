namespace KubeKey.Cache.WindowsCredMan;

/// <summary>
/// Names kubekey's credentials. An entry is a head credential "<c>kubekey:&lt;key&gt;</c>" and,
/// for a payload too large for one blob, parts "<c>kubekey:&lt;key&gt;:part:&lt;generation&gt;:&lt;n&gt;</c>".
/// </summary>
/// <remarks>
/// The generation in a part's name lets a new write put all its parts beside the old ones
/// before the head switches to them, so the two sets never share a name.
/// </remarks>
internal sealed class CredentialTargets
{
    /// <summary>The prefix of every credential kubekey writes.</summary>
    public const string DefaultNamespace = "kubekey";

    private const string PartMarker = ":part:";

    /// <summary>Creates the names under <paramref name="ns"/>; tests pass their own to stay apart.</summary>
    public CredentialTargets(string ns = DefaultNamespace)
    {
        ArgumentException.ThrowIfNullOrEmpty(ns);
        if (ns.Contains(':', StringComparison.Ordinal) || ns.Contains('*', StringComparison.Ordinal))
        {
            throw new ArgumentException("A credential namespace holds neither ':' nor '*'.", nameof(ns));
        }

        Namespace = ns;
    }

    public string Namespace { get; }

    /// <summary>The filter that matches every credential under this namespace.</summary>
    public string AllFilter => Namespace + ":*";

    public string Head(string keyValue) => $"{Namespace}:{keyValue}";

    public string Part(string keyValue, string generation, int index) =>
        $"{Namespace}:{keyValue}{PartMarker}{generation}:{index}";

    /// <summary>The filter that matches every part of <paramref name="keyValue"/>, of any generation.</summary>
    public string PartsFilter(string keyValue) => $"{Namespace}:{keyValue}{PartMarker}*";

    /// <summary>Recognises a head credential's name and returns the cache key value in it.</summary>
    public bool TryParseHead(string target, out string keyValue)
    {
        keyValue = string.Empty;
        var prefix = Namespace + ":";
        if (!target.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = target[prefix.Length..];
        if (rest.Length == 0 || !rest.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        keyValue = rest;
        return true;
    }

    /// <summary>Recognises a part of <paramref name="keyValue"/> and returns its generation.</summary>
    public bool TryParsePartGeneration(string target, string keyValue, out string generation)
    {
        generation = string.Empty;
        var prefix = $"{Namespace}:{keyValue}{PartMarker}";
        if (!target.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = target.AsSpan(prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        generation = rest[..colon].ToString();
        return true;
    }
}
