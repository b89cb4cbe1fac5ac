using System.Text;
using KubeKey.Abstractions;
using KubeKey.Testing;

namespace KubeKey.Core.Tests.Abstractions;

public sealed class TokenCacheEntryTests
{
    private static readonly DateTimeOffset ExpiresAt = new(2030, 1, 2, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset StoredAt = new(2030, 1, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryFromPayload_FullEntryPayload_EveryFieldBack()
    {
        var entry = new TokenCacheEntry(
            "id.token.value", "refresh-token-value", ExpiresAt, "https://i.example", "kubectl", "sub-1", StoredAt);

        var ok = TokenCacheEntry.TryFromPayload(entry.ToPayload(), out var back);

        Assert.True(ok);
        Assert.NotNull(back);
        Assert.Equal("id.token.value", back.IdToken);
        Assert.Equal("refresh-token-value", back.RefreshToken);
        Assert.Equal(ExpiresAt, back.ExpiresAt);
        Assert.Equal("https://i.example", back.Issuer);
        Assert.Equal("kubectl", back.ClientId);
        Assert.Equal("sub-1", back.Subject);
        Assert.Equal(StoredAt, back.StoredAt);
    }

    [Fact]
    public void TryFromPayload_NoRefreshTokenNoSubject_BothStayNull()
    {
        var entry = new TokenCacheEntry(
            "id.token.value", null, ExpiresAt, "https://i.example", "kubectl", null, StoredAt);
        var payload = entry.ToPayload();

        var ok = TokenCacheEntry.TryFromPayload(payload, out var back);

        Assert.True(ok);
        Assert.Null(back!.RefreshToken);
        Assert.Null(back.Subject);
        Assert.DoesNotContain("refresh_token", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        Assert.DoesNotContain("subject", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
    }

    [Fact]
    public void TryFromPayload_LargeToken_RoundTrips()
    {
        var token = TestEntries.LargeIdToken();
        var entry = TestEntries.Entry(idToken: token);

        var ok = TokenCacheEntry.TryFromPayload(entry.ToPayload(), out var back);

        Assert.True(ok);
        Assert.Equal(token, back!.IdToken);
    }

    [Fact]
    public void ToPayload_SubSecondTimes_StoredAsWholeSeconds()
    {
        var entry = new TokenCacheEntry(
            "t", null, ExpiresAt.AddMilliseconds(900), "i", "c", null, StoredAt.AddMilliseconds(1));

        TokenCacheEntry.TryFromPayload(entry.ToPayload(), out var back);

        Assert.Equal(ExpiresAt, back!.ExpiresAt);
        Assert.Equal(StoredAt, back.StoredAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("[]")]
    [InlineData("""[{"v":1,"id_token":"t","expires_at":1,"issuer":"i","client_id":"c"}]""")]
    [InlineData("null")]
    [InlineData("\"v\"")]
    [InlineData("{}")]
    [InlineData("""{"v":2,"id_token":"t","expires_at":1,"issuer":"i","client_id":"c"}""")]
    [InlineData("""{"v":0,"id_token":"t","expires_at":1,"issuer":"i","client_id":"c"}""")]
    [InlineData("""{"id_token":"t","expires_at":1,"issuer":"i","client_id":"c"}""")]
    [InlineData("""{"v":1,"expires_at":1,"issuer":"i","client_id":"c"}""")]
    [InlineData("""{"v":1,"id_token":"","expires_at":1,"issuer":"i","client_id":"c"}""")]
    [InlineData("""{"v":1,"id_token":42,"expires_at":1,"issuer":"i","client_id":"c"}""")]
    [InlineData("""{"v":1,"id_token":"t","issuer":"i","client_id":"c"}""")]
    [InlineData("""{"v":1,"id_token":"t","expires_at":"soon","issuer":"i","client_id":"c"}""")]
    [InlineData("""{"v":1,"id_token":"t","expires_at":1.5,"issuer":"i","client_id":"c"}""")]
    [InlineData("""{"v":1,"id_token":"t","expires_at":99999999999999999,"issuer":"i","client_id":"c"}""")]
    [InlineData("""{"v":1,"id_token":"t","expires_at":1,"client_id":"c"}""")]
    [InlineData("""{"v":1,"id_token":"t","expires_at":1,"issuer":"i"}""")]
    [InlineData("""{"v":"1","id_token":"t","expires_at":1,"issuer":"i","client_id":"c"}""")]
    public void TryFromPayload_UnusablePayload_FalseWithoutThrowing(string payload)
    {
        TokenCacheEntry? entry = null;
        var ok = true;

        var error = Record.Exception(
            () => ok = TokenCacheEntry.TryFromPayload(Encoding.UTF8.GetBytes(payload), out entry));

        Assert.Null(error);
        Assert.False(ok);
        Assert.Null(entry);
    }

    [Fact]
    public void TryFromPayload_InvalidUtf8_False()
    {
        byte[] payload = [(byte)'{', 0xFF, 0xFE, (byte)'}'];

        var ok = TokenCacheEntry.TryFromPayload(payload, out var entry);

        Assert.False(ok);
        Assert.Null(entry);
    }

    [Fact]
    public void TryFromPayload_EveryTruncation_False()
    {
        var payload = TestEntries.Entry().ToPayload();

        var accepted = Enumerable.Range(0, payload.Length)
            .Where(length => TokenCacheEntry.TryFromPayload(payload.AsSpan(0, length), out _))
            .ToList();

        Assert.Empty(accepted);
    }

    [Fact]
    public void TryFromPayload_UnknownExtraFields_Ignored()
    {
        const string payload = """
            {"v":1,"future":{"nested":[1,{"x":"y"}]},"id_token":"t","tags":["a","b"],
             "expires_at":1893556800,"issuer":"i","note":"hello","client_id":"c","n":null}
            """;

        var ok = TokenCacheEntry.TryFromPayload(Encoding.UTF8.GetBytes(payload), out var entry);

        Assert.True(ok);
        Assert.Equal("t", entry!.IdToken);
        Assert.Equal("c", entry.ClientId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1893556800), entry.ExpiresAt);
    }

    [Fact]
    public void TryFromPayload_NoStoredAt_StoredAtUnixZero()
    {
        const string payload = """{"v":1,"id_token":"t","expires_at":1893556800,"issuer":"i","client_id":"c"}""";

        var ok = TokenCacheEntry.TryFromPayload(Encoding.UTF8.GetBytes(payload), out var entry);

        Assert.True(ok);
        Assert.Equal(0, entry!.StoredAt.ToUnixTimeSeconds());
    }

    [Fact]
    public void Constructor_EmptyIdToken_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(
            () => new TokenCacheEntry(string.Empty, null, ExpiresAt, "i", "c", null, StoredAt));
    }

    [Fact]
    public void Constructor_EmptyRefreshToken_StoredAsNull()
    {
        var entry = new TokenCacheEntry("t", string.Empty, ExpiresAt, "i", "c", null, StoredAt);

        Assert.Null(entry.RefreshToken);
    }
}
