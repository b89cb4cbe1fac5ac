using KubeKey.Abstractions;

namespace KubeKey.Core.Tests.Abstractions;

public sealed class CacheKeyTests
{
    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("a")]
    public void Constructor_LowerCaseHex_Accepted(string value)
    {
        var key = new CacheKey(value, "https://i.example", "kubectl");

        Assert.Equal(value, key.Value);
        Assert.Equal(value, key.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789ABCDEF")]
    [InlineData("abcdeg")]
    [InlineData("0x12")]
    [InlineData(" ab")]
    [InlineData("ab/../cd")]
    public void Constructor_NotLowerCaseHex_ThrowsForValue(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new CacheKey(value, "https://i.example", "kubectl"));

        Assert.Equal("value", error.ParamName);
    }

    [Fact]
    public void Constructor_NullValue_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new CacheKey(null!, "https://i.example", "kubectl"));
    }

    [Fact]
    public void Label_IssuerAndClientId_KubekeyIssuerClientInParentheses()
    {
        var key = new CacheKey("ab", "https://login.example.com/realms/k8s", "kubectl");

        Assert.Equal("kubekey: https://login.example.com/realms/k8s (kubectl)", key.Label);
    }

    [Fact]
    public void Equals_SameValueOtherLabels_EqualWithSameHashCode()
    {
        var first = new CacheKey("ab12", "https://a.example", "one");
        var second = new CacheKey("ab12", "https://b.example", "two");

        Assert.True(first.Equals(second));
        Assert.True(first.Equals((object)second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equals_OtherValueOrNull_NotEqual()
    {
        var key = new CacheKey("ab12", "https://a.example", "one");

        Assert.False(key.Equals(new CacheKey("ab13", "https://a.example", "one")));
        Assert.False(key.Equals(null));
        Assert.False(key.Equals("ab12"));
    }
}
