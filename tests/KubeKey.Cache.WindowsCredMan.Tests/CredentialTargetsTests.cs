
namespace KubeKey.Cache.WindowsCredMan.Tests;

public sealed class CredentialTargetsTests
{
    private readonly CredentialTargets _targets = new();

    [Fact]
    public void Names_ForAKey_FollowTheDocumentedScheme()
    {
        var names = (_targets.Head("ab12"), _targets.Part("ab12", "ff", 3), _targets.PartsFilter("ab12"));

        Assert.Equal(("kubekey:ab12", "kubekey:ab12:part:ff:3", "kubekey:ab12:part:*"), names);
    }

    [Theory]
    [InlineData("kubekey:ab12", true)]
    [InlineData("kubekey:ab12:part:ff:0", false)]
    [InlineData("kubekey:", false)]
    [InlineData("kubekey:AB12", false)]
    [InlineData("other:ab12", false)]
    public void TryParseHead_Target_RecognisesOnlyHeads(string target, bool expected)
    {
        var parsed = _targets.TryParseHead(target, out var keyValue);

        Assert.Equal(expected, parsed);
        Assert.Equal(expected ? "ab12" : string.Empty, keyValue);
    }

    [Fact]
    public void TryParsePartGeneration_PartOfAnotherKey_ReturnsFalse()
    {
        var parsed = _targets.TryParsePartGeneration("kubekey:ab123:part:ff:0", "ab12", out _);

        Assert.False(parsed);
    }

    [Fact]
    public void TryParsePartGeneration_Part_ReturnsItsGeneration()
    {
        var parsed = _targets.TryParsePartGeneration("kubekey:ab12:part:ff00:10", "ab12", out var generation);

        Assert.True(parsed);
        Assert.Equal("ff00", generation);
    }

    [Theory]
    [InlineData("a:b")]
    [InlineData("a*")]
    public void Constructor_NamespaceWithSeparator_Throws(string ns)
    {
        Assert.Throws<ArgumentException>(() => new CredentialTargets(ns));
    }
}
