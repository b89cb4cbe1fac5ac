using KubeKey.Abstractions;

namespace KubeKey.Templates.Scriban.Tests;

/// <summary>Template models for the renderer tests.</summary>
internal static class Models
{
    public const string Hostile = "<script>alert(1)</script>\"'&";
    public const string HostileEscaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;";

    public static readonly DateTimeOffset Now = new(2026, 1, 2, 13, 5, 0, TimeSpan.Zero);

    public static TemplateModel Complete() => new()
    {
        Name = "Jane Doe",
        Email = "jane@example.com",
        PreferredUsername = "jane.d",
        Picture = "https://images.example/jane.png",
        Issuer = "https://issuer.example",
        ExpiresAt = Now.AddHours(1),
        Error = "access_denied",
        ErrorDescription = "The user declined consent.",
        ClusterServer = "https://k8s.example:6443",
    };

    public static TemplateModel HostileEverywhere() => new()
    {
        Name = Hostile + "name",
        Email = Hostile + "email",
        PreferredUsername = Hostile + "user",
        Picture = Hostile + "picture",
        Issuer = Hostile + "issuer",
        ExpiresAt = Now.AddHours(1),
        Error = Hostile + "error",
        ErrorDescription = Hostile + "description",
        ClusterServer = Hostile + "server",
    };
}
