using KubeKey.Host.Caching;

namespace KubeKey.Host.Tests.Caching;

public sealed class LegacyKeyringValueTests
{
    // {"alg":"none"} . {"sub":"alice","name":"Alice"} . signature
    private const string Token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSIsIm5hbWUiOiJBbGljZSJ9.c2ln";

    [Fact]
    public void TryParse_TokenDotSeconds_SplitsAtTheLastDot()
    {
        var ok = LegacyKeyringValue.TryParse(Token + ".1767225600", out var value);

        Assert.True(ok);
        Assert.Equal(Token, value!.IdToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), value.ExpiresAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("...0")]
    [InlineData("no-dots-at-all")]
    [InlineData(Token)]
    [InlineData(Token + ".")]
    [InlineData(Token + ".soon")]
    [InlineData(Token + ".-5")]
    [InlineData(Token + ".99999999999999999999")]
    [InlineData("only.two.1767225600")]
    [InlineData("a b.c.d.1767225600")]
    public void TryParse_Malformed_ReturnsFalse(string stored)
    {
        var ok = LegacyKeyringValue.TryParse(stored, out var value);

        Assert.False(ok);
        Assert.Null(value);
    }

    [Fact]
    public void Subject_PayloadWithSub_ReturnsIt()
    {
        LegacyKeyringValue.TryParse(Token + ".1767225600", out var value);

        var subject = value!.Subject();

        Assert.Equal("alice", subject);
    }

    [Fact]
    public void Subject_PayloadNotJson_ReturnsNull()
    {
        LegacyKeyringValue.TryParse("eyJhbGciOiJub25lIn0.bm90LWpzb24.c2ln.1767225600", out var value);

        var subject = value!.Subject();

        Assert.Null(subject);
    }
}
