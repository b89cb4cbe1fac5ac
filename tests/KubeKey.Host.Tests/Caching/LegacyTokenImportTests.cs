using KubeKey.Abstractions;
using KubeKey.Core.Caching;
using KubeKey.Core.Settings;
using KubeKey.Host.Caching;
using KubeKey.Host.Logging;

namespace KubeKey.Host.Tests.Caching;

public sealed class LegacyTokenImportTests
{
    private const string Issuer = "https://issuer.example/realms/main/";
    private const string ClientId = "kubectl";

    // {"alg":"none"} . {"sub":"alice"} . signature
    private const string Token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldA";

    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private readonly FakeLegacyKeyring _keyring = new();
    private readonly StringWriter _logText = new();
    private readonly KubeKeySettings _settings = new()
    {
        IssuerUrl = Issuer,
        ClientId = ClientId,
        CacheDirectory = "/unused",
        DataDirectory = "/unused",
        Browser = "system",
        Templates = "scriban",
        LogLevel = "debug",
        ExpiryMargin = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public async Task TryImportAsync_ValidItem_StoresItAsAKubeKeyEntryAndReturnsIt()
    {
        var expiry = Now.AddMinutes(45);
        Legacy($"{Token}.{expiry.ToUnixTimeSeconds()}");

        var entry = await ImportAsync();

        Assert.NotNull(entry);
        Assert.Equal(Token, entry.IdToken);
        Assert.Equal(expiry, entry.ExpiresAt);
        Assert.Null(entry.RefreshToken);
        Assert.Equal(Issuer, entry.Issuer);
        Assert.Equal(ClientId, entry.ClientId);
        Assert.Equal("alice", entry.Subject);
        Assert.Equal(Token, _keyring.Entries[Key().Value].IdToken);
        Assert.DoesNotContain(Token, _logText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c2lnbmF0dXJl", _logText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryImportAsync_AccountIsClientAtTheIssuerAsConfigured_NotNormalised()
    {
        _keyring.LegacyItems[(LegacyTokenImport.LegacyService, "kubectl@https://issuer.example/realms/main")] =
            $"{Token}.{Now.AddHours(1).ToUnixTimeSeconds()}";

        var entry = await ImportAsync();

        Assert.Null(entry);
    }

    [Fact]
    public async Task TryImportAsync_ExpiredItem_IsIgnored()
    {
        Legacy($"{Token}.{Now.AddMinutes(-1).ToUnixTimeSeconds()}");

        var entry = await ImportAsync();

        Assert.Null(entry);
        Assert.Empty(_keyring.Entries);
        Assert.Contains("expired", _logText.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a token at all")]
    [InlineData("...0")]
    [InlineData(Token)]
    [InlineData(Token + ".tomorrow")]
    public async Task TryImportAsync_MalformedItem_IsIgnoredWithADebugLineWithoutTheValue(string stored)
    {
        Legacy(stored);

        var entry = await ImportAsync();

        Assert.Null(entry);
        Assert.Empty(_keyring.Entries);
        Assert.Contains("is not '<token>.<expiry>'; ignored", _logText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stored, _logText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryImportAsync_NoItem_ReturnsNull()
    {
        var entry = await ImportAsync();

        Assert.Null(entry);
    }

    [Fact]
    public async Task TryImportAsync_CacheWithoutLegacyReader_ReturnsNull()
    {
        var cache = new Plugins.FakeProbedCache(null, TimeSpan.Zero);

        var entry = await new LegacyTokenImport(Serilog.Core.Logger.None)
            .TryImportAsync(cache, _settings, Key(), Now, default);

        Assert.Null(entry);
    }

    [Fact]
    public async Task TryImportAsync_StoreFails_StillReturnsTheTokenAndWarns()
    {
        var keyring = new FakeLegacyKeyring { StoreFailure = new TokenCacheException("The keyring is locked.") };
        keyring.LegacyItems[(LegacyTokenImport.LegacyService, ClientId + "@" + Issuer)] =
            $"{Token}.{Now.AddHours(1).ToUnixTimeSeconds()}";
        using var log = LogSetup.Create("debug", null, _logText);

        var entry = await new LegacyTokenImport(log).TryImportAsync(keyring, _settings, Key(), Now, default);

        Assert.Equal(Token, entry?.IdToken);
        Assert.Contains("warning: Cannot store the token taken over", _logText.ToString(), StringComparison.Ordinal);
    }

    private void Legacy(string value) =>
        _keyring.LegacyItems[(LegacyTokenImport.LegacyService, ClientId + "@" + Issuer)] = value;

    private CacheKey Key() => CacheKeyFactory.Create(_settings);

    private async Task<TokenCacheEntry?> ImportAsync()
    {
        using var log = LogSetup.Create("debug", null, _logText);
        return await new LegacyTokenImport(log).TryImportAsync(_keyring, _settings, Key(), Now, default);
    }
}
