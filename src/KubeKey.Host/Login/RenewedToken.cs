using KubeKey.Abstractions;

namespace KubeKey.Host.Login;

/// <summary>What renewal hands kubectl: an entry and the expiry to report for it.</summary>
/// <param name="Entry">The renewed entry, or the cached one kept because renewal failed.</param>
/// <param name="ReportedExpiry">The <c>expirationTimestamp</c> kubectl is told.</param>
internal sealed record RenewedToken(TokenCacheEntry Entry, DateTimeOffset ReportedExpiry)
{
    public override string ToString() => $"RenewedToken {{ ReportedExpiry = {ReportedExpiry:u} }}";
}
