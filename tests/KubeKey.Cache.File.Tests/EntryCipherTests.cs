using System.Text;

namespace KubeKey.Cache.File.Tests;

public sealed class EntryCipherTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"v\":1,\"id_token\":\"secret\"}");

    [Fact]
    public void Open_SealedForTheSameKeyValue_ReturnsThePayload()
    {
        var cipher = RawCipher(1);
        var file = cipher.Seal("abc", Payload);

        var payload = cipher.Open("abc", file, out var problem);

        Assert.Equal(Payload, payload);
        Assert.Null(problem);
    }

    [Fact]
    public void Seal_SamePayloadTwice_GivesDifferentFiles()
    {
        var cipher = RawCipher(1);

        var first = cipher.Seal("abc", Payload);
        var second = cipher.Seal("abc", Payload);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Open_SealedForAnotherKeyValue_ReturnsNullWithAProblem()
    {
        var cipher = RawCipher(1);
        var file = cipher.Seal("abc", Payload);

        var payload = cipher.Open("abd", file, out var problem);

        Assert.Null(payload);
        Assert.Contains("copied from another entry", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AnySingleBitFlipped_ReturnsNull()
    {
        var cipher = RawCipher(1);
        var file = cipher.Seal("abc", Payload);

        var opened = Enumerable.Range(0, file.Length * 8).Where(bit =>
        {
            var damaged = (byte[])file.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            return cipher.Open("abc", damaged, out _) is not null;
        });

        Assert.Empty(opened);
    }

    [Fact]
    public void Open_SealedWithAPassphraseButReadWithAKey_SaysTheKindDiffers()
    {
        var file = PassphraseCipher("pass", 1000).Seal("abc", Payload);

        var payload = RawCipher(1).Open("abc", file, out var problem);

        Assert.Null(payload);
        Assert.Contains("another kind of key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PassphraseRoundTrip_ReturnsThePayload()
    {
        var file = PassphraseCipher("pass", 1000).Seal("abc", Payload);

        var payload = PassphraseCipher("pass", 1000).Open("abc", file, out _);

        Assert.Equal(Payload, payload);
    }

    [Fact]
    public void Open_OtherIterationCount_ReturnsNullWithoutDeriving()
    {
        var file = PassphraseCipher("pass", 1000).Seal("abc", Payload);

        var payload = PassphraseCipher("pass", 2000).Open("abc", file, out var problem);

        Assert.Null(payload);
        Assert.Contains("other than the current ones", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WrongPassphrase_ReturnsNullWithAProblemNamingTheVariableOnly()
    {
        var file = PassphraseCipher("right passphrase", 1000).Seal("abc", Payload);

        var payload = PassphraseCipher("wrong passphrase", 1000).Open("abc", file, out var problem);

        Assert.Null(payload);
        Assert.Contains(KeySources.PassphraseVariable, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("right passphrase", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong passphrase", problem, StringComparison.Ordinal);
    }

    private static EntryCipher RawCipher(byte fill) =>
        new(new RawKeySource("a test key", () => Enumerable.Repeat(fill, 32).ToArray()));

    private static EntryCipher PassphraseCipher(string passphrase, int iterations) =>
        new(new PassphraseKeySource(passphrase, iterations));
}
