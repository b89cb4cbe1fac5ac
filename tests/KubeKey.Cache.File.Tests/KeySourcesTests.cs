using KubeKey.Abstractions;
using KubeKey.Testing;

namespace KubeKey.Cache.File.Tests;

public sealed class KeySourcesTests : IDisposable
{
    private const string SecretText = "this-is-a-secret-passphrase-like-value";

    private readonly TempDirectory _temp = new();
    private readonly FakePluginContext _context;

    public KeySourcesTests()
    {
        _context = new FakePluginContext(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Resolve_NothingConfigured_UsesTheKeyFileInTheDataFolder()
    {
        var source = KeySources.Resolve(_context);

        Assert.Equal(RawKeySource.RawKind, source.Kind);
        var keyFile = Path.Combine(_context.DataDirectory, "file-cache.key");
        Assert.Contains(keyFile, source.Description, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_context.DataDirectory));
    }

    [Fact]
    public void Resolve_PassphraseAndKeyFileSetting_ThePassphraseWins()
    {
        _context.Environment[KeySources.PassphraseVariable] = SecretText;
        _context.Settings[KeySources.KeyFileSetting] = _temp.Combine("admin.key");

        var source = KeySources.Resolve(_context);

        Assert.Equal(PassphraseKeySource.PassphraseKind, source.Kind);
        Assert.DoesNotContain(SecretText, source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_KeyFileSetting_ReadsThatFileOnFirstUseOnly()
    {
        var keyFile = _temp.Combine("admin.key");
        _context.Settings[KeySources.KeyFileSetting] = keyFile;

        var source = KeySources.Resolve(_context);
        var error = Assert.Throws<TokenCacheException>(() => source.KeyForFile([]));

        Assert.Contains(keyFile, source.Description, StringComparison.Ordinal);
        Assert.Contains("'keyFile'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_KeyAndPassphraseBothSet_ThrowsNamingBothWithoutTheirValues()
    {
        _context.Environment[KeySources.KeyVariable] = Convert.ToBase64String(new byte[32]);
        _context.Environment[KeySources.PassphraseVariable] = SecretText;

        var error = Assert.Throws<TokenCacheException>(() => KeySources.Resolve(_context));

        Assert.Contains(KeySources.KeyVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(KeySources.PassphraseVariable, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretText, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 at all!", "not valid base64")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==", "decodes to 16 bytes")]
    public void Resolve_MalformedKey_ThrowsSayingWhatIsWrongWithoutTheValue(string value, string expected)
    {
        _context.Environment[KeySources.KeyVariable] = value;

        var error = Assert.Throws<TokenCacheException>(() => KeySources.Resolve(_context));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("head -c 32 /dev/urandom | base64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_KeyWithTrailingNewline_IsAccepted()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        _context.Environment[KeySources.KeyVariable] = Convert.ToBase64String(key) + "\n";

        var source = KeySources.Resolve(_context);

        Assert.Equal(key, source.KeyForFile([]));
    }

    [Fact]
    public void Resolve_EmptyPassphrase_ThrowsAskingForOne()
    {
        _context.Environment[KeySources.PassphraseVariable] = string.Empty;

        var error = Assert.Throws<TokenCacheException>(() => KeySources.Resolve(_context));

        Assert.Contains("set but empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RelativeKeyFile_ThrowsAskingForAFullPath()
    {
        _context.Environment[KeySources.KeyFileVariable] = "keys/cache.key";

        var source = KeySources.Resolve(_context);
        var error = Assert.Throws<TokenCacheException>(() => source.KeyForNewFile([]));

        Assert.Contains("'keys/cache.key'", error.Message, StringComparison.Ordinal);
        Assert.Contains("absolute path", error.Message, StringComparison.Ordinal);
    }
}
