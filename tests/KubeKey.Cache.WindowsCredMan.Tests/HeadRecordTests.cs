
namespace KubeKey.Cache.WindowsCredMan.Tests;

public sealed class HeadRecordTests
{
    private const string Generation = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void TryDecode_Inline_ReturnsThePayload()
    {
        var blob = HeadRecord.EncodeInline("payload"u8);

        var decoded = HeadRecord.TryDecode(blob, out var head);

        Assert.True(decoded);
        Assert.Equal("payload"u8.ToArray(), head!.InlinePayload);
    }

    [Fact]
    public void TryDecode_Manifest_ReturnsItsFields()
    {
        var hash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var blob = HeadRecord.EncodeManifest(Generation, 7, 17_000, hash);

        var decoded = HeadRecord.TryDecode(blob, out var head);

        Assert.True(decoded);
        Assert.Null(head!.InlinePayload);
        Assert.Equal((Generation, 7, 17_000), (head.Generation, head.PartCount, head.TotalLength));
        Assert.Equal(hash, head.Hash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("KKC")]
    [InlineData("KKC2i{}")]
    [InlineData("KKC1x{}")]
    [InlineData("KKC1c-too-short")]
    public void TryDecode_NotAHead_ReturnsFalse(string text)
    {
        var decoded = HeadRecord.TryDecode(System.Text.Encoding.ASCII.GetBytes(text), out var head);

        Assert.False(decoded);
        Assert.Null(head);
    }

    [Fact]
    public void TryDecode_ManifestWithImpossibleCounts_ReturnsFalse()
    {
        var blob = HeadRecord.EncodeManifest(Generation, 0, 100, new byte[32]);

        var decoded = HeadRecord.TryDecode(blob, out _);

        Assert.False(decoded);
    }

    [Fact]
    public void EncodeManifest_WrongGenerationLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => HeadRecord.EncodeManifest("abc", 2, 3000, new byte[32]));
    }
}
