using System.Text;

namespace KubeKey.Cache.MacKeychain.Tests;

public sealed class GoKeyringSecretTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("go-keyring-base64:bGluZSAxCmxpbmUgMg==", "line 1\nline 2")]
    [InlineData("go-keyring-encoded:6c696e6520310a6c696e652032", "line 1\nline 2")]
    [InlineData("", "")]
    public void TryDecode_WhatGoKeyringWrote_ReturnsTheOriginal(string stored, string expected)
    {
        var decoded = GoKeyringSecret.TryDecode(Encoding.UTF8.GetBytes(stored), out var secret);

        Assert.True(decoded);
        Assert.Equal(expected, secret);
    }

    [Theory]
    [InlineData("go-keyring-base64:not base64!")]
    [InlineData("go-keyring-encoded:xyz")]
    [InlineData("go-keyring-base64://79")]
    public void TryDecode_BrokenEncoding_ReturnsFalse(string stored)
    {
        var decoded = GoKeyringSecret.TryDecode(Encoding.UTF8.GetBytes(stored), out var secret);

        Assert.False(decoded);
        Assert.Null(secret);
    }

    [Fact]
    public void TryDecode_NotUtf8_ReturnsFalse()
    {
        var decoded = GoKeyringSecret.TryDecode([0xc3, 0x28], out _);

        Assert.False(decoded);
    }
}
