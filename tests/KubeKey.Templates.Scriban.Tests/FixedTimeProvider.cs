namespace KubeKey.Templates.Scriban.Tests;

/// <summary>A clock stopped at a chosen instant, in a chosen time zone.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;
    private readonly TimeZoneInfo _zone;

    public FixedTimeProvider(DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        _now = now;
        _zone = zone ?? TimeZoneInfo.Utc;
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => _zone;
}
