namespace KubeKey.Abstractions;

/// <summary>
/// The values a page may show. Any may be <see langword="null"/>; renderers escape all of them.
/// It never holds a token or code.
/// </summary>
public sealed class TemplateModel
{
    /// <summary>The <c>name</c> claim.</summary>
    public string? Name { get; init; }

    /// <summary>The <c>email</c> claim.</summary>
    public string? Email { get; init; }

    /// <summary>The <c>preferred_username</c> claim.</summary>
    public string? PreferredUsername { get; init; }

    /// <summary>The <c>picture</c> claim, a URL.</summary>
    public string? Picture { get; init; }

    /// <summary>The issuer the person logged in at.</summary>
    public string? Issuer { get; init; }

    /// <summary>When the new token expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The error code on a failure page (the provider's <c>error</c>, or kubekey's own).</summary>
    public string? Error { get; init; }

    /// <summary>The human-readable text of the error.</summary>
    public string? ErrorDescription { get; init; }

    /// <summary>The API server kubectl is about to call, when kubectl provided it.</summary>
    public string? ClusterServer { get; init; }
}
