using System.Globalization;
using System.Net;
using KubeKey.Abstractions;
using Scriban.Runtime;

namespace KubeKey.Templates.Scriban;

/// <summary>
/// Turns a <see cref="TemplateModel"/> into the variables a template sees, every one of them
/// HTML-escaped already.
/// </summary>
/// <remarks>
/// Scriban has no automatic escaping, so values are escaped before they reach any template;
/// a template then cannot forget to. A missing or empty value is <c>null</c>, so
/// <c>{{ if name }}</c> tests for it.
/// </remarks>
internal static class TemplateValues
{
    /// <summary>The variable names, for documentation and tests.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "name", "email", "preferred_username", "display_name", "picture", "issuer",
        "expires_at", "expires_at_human", "expires_in", "error", "error_description", "cluster_server",
    ];

    /// <summary>Builds the variables for <paramref name="model"/> as of <paramref name="time"/>'s now.</summary>
    public static ScriptObject Create(TemplateModel model, TimeProvider time)
    {
        var values = new ScriptObject();
        Set(values, "name", model.Name);
        Set(values, "email", model.Email);
        Set(values, "preferred_username", model.PreferredUsername);
        Set(values, "display_name", FirstPresent(model.Name, model.PreferredUsername, model.Email));
        Set(values, "picture", model.Picture);
        Set(values, "issuer", model.Issuer);
        Set(values, "error", model.Error);
        Set(values, "error_description", model.ErrorDescription);
        Set(values, "cluster_server", model.ClusterServer);

        var expiresAt = model.ExpiresAt;
        var iso = expiresAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Set(values, "expires_at", iso);
        Set(values, "expires_at_human", expiresAt is null ? null : HumanTime(expiresAt.Value, time.LocalTimeZone));
        Set(values, "expires_in", expiresAt is null ? null : HumanDuration(expiresAt.Value - time.GetUtcNow()));
        return values;
    }

    private static void Set(ScriptObject values, string name, string? value) =>
        values.SetValue(name, string.IsNullOrEmpty(value) ? null : WebUtility.HtmlEncode(value), readOnly: true);

    private static string? FirstPresent(params string?[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    // "Friday 2 January 2026, 14:05 (UTC+01:00)": the person's own clock, with the offset so
    // that a page read on another machine is still unambiguous.
    private static string HumanTime(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset == TimeSpan.Zero
            ? "UTC"
            : "UTC" + local.ToString("zzz", CultureInfo.InvariantCulture);
        return local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({offset})";
    }

    private static string HumanDuration(TimeSpan remaining)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return "already expired";
        }

        if (remaining < TimeSpan.FromMinutes(1))
        {
            return "in less than a minute";
        }

        var minutes = (int)Math.Round(remaining.TotalMinutes);
        if (minutes < 60)
        {
            return Count(minutes, "minute");
        }

        var hours = (int)Math.Round(remaining.TotalHours);
        return hours < 48 ? Count(hours, "hour") : Count((int)Math.Round(remaining.TotalDays), "day");
    }

    private static string Count(int amount, string unit) =>
        amount == 1 ? $"in 1 {unit}" : $"in {amount.ToString(CultureInfo.InvariantCulture)} {unit}s";
}
