using KubeKey.Abstractions;

namespace KubeKey.Templates.Scriban.Tests;

public sealed class TemplateValuesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 13, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Create_ExpiryInAnotherZone_GivesIsoUtcAndLocalHumanForm()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("test+01", TimeSpan.FromHours(1), "test+01", "test+01");
        var model = new TemplateModel { ExpiresAt = Now.AddHours(1) };

        var values = TemplateValues.Create(model, new FixedTimeProvider(Now, zone));

        Assert.Equal("2026-01-02T14:05:00Z", values["expires_at"]);
        Assert.Equal("Friday 2 January 2026, 15:05 (UTC+01:00)", values["expires_at_human"]);
        Assert.Equal("in 1 hour", values["expires_in"]);
    }

    [Theory]
    [InlineData(-5, "already expired")]
    [InlineData(0.5, "in less than a minute")]
    [InlineData(1, "in 1 minute")]
    [InlineData(59, "in 59 minutes")]
    [InlineData(12 * 60, "in 12 hours")]
    [InlineData(3 * 24 * 60, "in 3 days")]
    public void Create_RemainingMinutes_DescribesTheDuration(double minutes, string expected)
    {
        var model = new TemplateModel { ExpiresAt = Now.AddMinutes(minutes) };

        var values = TemplateValues.Create(model, new FixedTimeProvider(Now));

        Assert.Equal(expected, values["expires_in"]);
    }

    [Fact]
    public void Create_EmptyModel_SetsEveryVariableToNull()
    {
        var values = TemplateValues.Create(new TemplateModel { Name = "" }, new FixedTimeProvider(Now));

        Assert.All(TemplateValues.Names, name => Assert.Null(values[name]));
        Assert.Equal(TemplateValues.Names.Order(), values.Keys.Order());
    }

    [Theory]
    [InlineData("Jane", "jane.d", "jane@example.com", "Jane")]
    [InlineData(null, "jane.d", "jane@example.com", "jane.d")]
    [InlineData(" ", null, "jane@example.com", "jane@example.com")]
    public void Create_Claims_PicksTheFirstPresentForDisplayName(
        string? name, string? username, string? email, string expected)
    {
        var model = new TemplateModel { Name = name, PreferredUsername = username, Email = email };

        var values = TemplateValues.Create(model, new FixedTimeProvider(Now));

        Assert.Equal(expected, values["display_name"]);
    }

    [Fact]
    public void Create_HostileValue_IsHtmlEscaped()
    {
        var model = new TemplateModel { ErrorDescription = "<script>alert(1)</script>\"'&" };

        var values = TemplateValues.Create(model, new FixedTimeProvider(Now));

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;", values["error_description"]);
    }
}
