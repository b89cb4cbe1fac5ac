using System.Text;
using KubeKey.Abstractions;

namespace KubeKey.Testing;

/// <summary>Cache keys and entries for tests; the tokens are recognisable fake JWT-shaped strings.</summary>
public static class TestEntries
{
    public static CacheKey Key(string hex = "0123456789abcdef0123456789abcdef") =>
        new(hex, "https://issuer.example", "kubectl");

    public static TokenCacheEntry Entry(
        string idToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl",
        string? refreshToken = "refresh-token-value-0123456789",
        DateTimeOffset? expiresAt = null) =>
        new(
            idToken,
            refreshToken,
            expiresAt ?? DateTimeOffset.UtcNow.AddHours(1),
            "https://issuer.example",
            "kubectl",
            "test-subject",
            DateTimeOffset.UtcNow);

    /// <summary>An ID token of about <paramref name="bytes"/> bytes: a JWT carrying hundreds of groups.</summary>
    public static string LargeIdToken(int bytes = 16 * 1024)
    {
        var groups = new StringBuilder("{\"sub\":\"large\",\"groups\":[");
        for (var i = 0; groups.Length < bytes * 3 / 4; i++)
        {
            groups.Append(i == 0 ? string.Empty : ",").Append("\"group-").Append(i).Append("-engineering\"");
        }

        groups.Append("]}");
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(groups.ToString()))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return "eyJhbGciOiJSUzI1NiJ9." + payload + ".c2lnbmF0dXJl";
    }
}
