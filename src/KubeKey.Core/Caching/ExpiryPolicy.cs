using KubeKey.Abstractions;

namespace KubeKey.Core.Caching;

/// <summary>
/// Decides when a cached token is too close to expiry to hand out, and what expiry kubectl is
/// told. A token is renewed a margin before it expires, so it never expires in flight and a
/// server whose clock runs ahead still accepts it.
/// </summary>
/// <remarks>
/// The margin is the smaller of the configured maximum and a fifth of the token's lifetime: a
/// one-hour token is renewed five minutes early, a one-minute token twelve seconds early, so
/// short-lived tokens stay usable for most of their life.
/// </remarks>
public sealed class ExpiryPolicy
{
    private const double LifetimeFraction = 0.2;

    private readonly TimeSpan _maximumMargin;

    public ExpiryPolicy(TimeSpan maximumMargin)
    {
        _maximumMargin = maximumMargin < TimeSpan.Zero ? TimeSpan.Zero : maximumMargin;
    }

    /// <summary>The margin for <paramref name="entry"/>.</summary>
    public TimeSpan MarginFor(TokenCacheEntry entry)
    {
        var lifetime = entry.ExpiresAt - entry.StoredAt;
        if (lifetime <= TimeSpan.Zero || entry.StoredAt.ToUnixTimeSeconds() == 0)
        {
            return _maximumMargin;
        }

        var fraction = TimeSpan.FromSeconds(Math.Floor(lifetime.TotalSeconds * LifetimeFraction));
        return fraction < _maximumMargin ? fraction : _maximumMargin;
    }

    /// <summary>The expiry kubectl is told: the token's own, brought forward by the margin.</summary>
    public DateTimeOffset ReportedExpiry(TokenCacheEntry entry) => entry.ExpiresAt - MarginFor(entry);

    /// <summary>Whether <paramref name="entry"/> may be handed out at <paramref name="now"/>.</summary>
    public bool IsUsable(TokenCacheEntry entry, DateTimeOffset now) => now < ReportedExpiry(entry);
}
