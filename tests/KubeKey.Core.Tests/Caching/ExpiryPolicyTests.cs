using KubeKey.Abstractions;
using KubeKey.Core.Caching;

namespace KubeKey.Core.Tests.Caching;

public sealed class ExpiryPolicyTests
{
    private static readonly DateTimeOffset StoredAt = new(2030, 1, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly ExpiryPolicy DefaultPolicy = new(TimeSpan.FromSeconds(300));

    [Fact]
    public void MarginFor_OneHourToken_CappedAtDefaultMaximum()
    {
        var entry = Entry(lifetime: TimeSpan.FromHours(1));

        var margin = DefaultPolicy.MarginFor(entry);

        Assert.Equal(TimeSpan.FromSeconds(300), margin);
    }

    [Fact]
    public void MarginFor_SixtySecondToken_AFifthOfItsLifetime()
    {
        var entry = Entry(lifetime: TimeSpan.FromSeconds(60));

        var margin = DefaultPolicy.MarginFor(entry);

        Assert.Equal(TimeSpan.FromSeconds(12), margin);
    }

    [Fact]
    public void MarginFor_TenMinuteToken_AFifthBelowTheMaximum()
    {
        var entry = Entry(lifetime: TimeSpan.FromMinutes(10));

        var margin = DefaultPolicy.MarginFor(entry);

        Assert.Equal(TimeSpan.FromSeconds(120), margin);
    }

    [Fact]
    public void MarginFor_LifetimeNotDivisibleByFive_RoundedDownToWholeSeconds()
    {
        var entry = Entry(lifetime: TimeSpan.FromSeconds(64));

        var margin = DefaultPolicy.MarginFor(entry);

        Assert.Equal(TimeSpan.FromSeconds(12), margin);
    }

    [Fact]
    public void MarginFor_StoredAtUnknown_TheMaximum()
    {
        var entry = new TokenCacheEntry(
            "id.token.value", null, StoredAt.AddSeconds(60), "https://i.example", "kubectl", null,
            DateTimeOffset.FromUnixTimeSeconds(0));

        var margin = DefaultPolicy.MarginFor(entry);

        Assert.Equal(TimeSpan.FromSeconds(300), margin);
    }

    [Fact]
    public void MarginFor_ExpiresBeforeItWasStored_TheMaximum()
    {
        var entry = Entry(lifetime: TimeSpan.FromSeconds(-30));

        var margin = DefaultPolicy.MarginFor(entry);

        Assert.Equal(TimeSpan.FromSeconds(300), margin);
    }

    [Fact]
    public void MarginFor_SmallerConfiguredMaximum_ThatMaximum()
    {
        var policy = new ExpiryPolicy(TimeSpan.FromSeconds(30));

        var margin = policy.MarginFor(Entry(lifetime: TimeSpan.FromHours(1)));

        Assert.Equal(TimeSpan.FromSeconds(30), margin);
    }

    [Fact]
    public void MarginFor_NegativeMaximum_NoMargin()
    {
        var policy = new ExpiryPolicy(TimeSpan.FromSeconds(-10));
        var entry = Entry(lifetime: TimeSpan.FromHours(1));

        var margin = policy.MarginFor(entry);

        Assert.Equal(TimeSpan.Zero, margin);
        Assert.Equal(entry.ExpiresAt, policy.ReportedExpiry(entry));
    }

    [Fact]
    public void ReportedExpiry_OneHourToken_FiveMinutesEarly()
    {
        var entry = Entry(lifetime: TimeSpan.FromHours(1));

        var reported = DefaultPolicy.ReportedExpiry(entry);

        Assert.Equal(entry.ExpiresAt.AddMinutes(-5), reported);
    }

    [Fact]
    public void IsUsable_JustBeforeReportedExpiry_True()
    {
        var entry = Entry(lifetime: TimeSpan.FromHours(1));
        var reported = DefaultPolicy.ReportedExpiry(entry);

        var usable = DefaultPolicy.IsUsable(entry, reported.AddSeconds(-1));

        Assert.True(usable);
    }

    [Fact]
    public void IsUsable_AtOrAfterReportedExpiry_False()
    {
        var entry = Entry(lifetime: TimeSpan.FromHours(1));
        var reported = DefaultPolicy.ReportedExpiry(entry);

        var atExpiry = DefaultPolicy.IsUsable(entry, reported);
        var afterExpiry = DefaultPolicy.IsUsable(entry, reported.AddSeconds(1));

        Assert.False(atExpiry);
        Assert.False(afterExpiry);
    }

    [Fact]
    public void IsUsable_InsideTheMarginButBeforeTokenExpiry_False()
    {
        var entry = Entry(lifetime: TimeSpan.FromHours(1));

        var usable = DefaultPolicy.IsUsable(entry, entry.ExpiresAt.AddSeconds(-60));

        Assert.False(usable);
    }

    [Fact]
    public void IsUsable_NegativeMaximumJustBeforeTokenExpiry_True()
    {
        var policy = new ExpiryPolicy(TimeSpan.FromSeconds(-1));
        var entry = Entry(lifetime: TimeSpan.FromHours(1));

        var usable = policy.IsUsable(entry, entry.ExpiresAt.AddSeconds(-1));

        Assert.True(usable);
    }

    private static TokenCacheEntry Entry(TimeSpan lifetime) =>
        new("id.token.value", "refresh", StoredAt + lifetime, "https://i.example", "kubectl", "sub", StoredAt);
}
