namespace KubeKey.Host.Login;

/// <summary>How a refresh ended. Exactly one of the three shapes holds.</summary>
internal sealed record RefreshOutcome
{
    private RefreshOutcome()
    {
    }

    /// <summary>The new tokens, when the provider answered with a valid ID token.</summary>
    public IssuedTokens? Tokens { get; private init; }

    /// <summary>
    /// The provider answered without an ID token (OIDC Core §12.2 allows it). The rotated refresh
    /// token, if it sent one, must still be kept: the old one may be retired already.
    /// </summary>
    public bool MissingIdToken { get; private init; }

    /// <summary>A rotated refresh token that came without an ID token, or null.</summary>
    public string? RotatedRefreshToken { get; private init; }

    /// <summary>Why the refresh failed, or null. Never holds a token.</summary>
    public string? Failure { get; private init; }

    public static RefreshOutcome Refreshed(IssuedTokens tokens) => new() { Tokens = tokens };

    public static RefreshOutcome WithoutIdToken(string? rotatedRefreshToken) =>
        new() { MissingIdToken = true, RotatedRefreshToken = rotatedRefreshToken };

    public static RefreshOutcome Failed(string why) => new() { Failure = why };

    public override string ToString() =>
        Tokens is not null ? "Refreshed" : MissingIdToken ? "WithoutIdToken" : $"Failed: {Failure}";
}
