namespace KubeKey.Cache.File;

/// <summary>
/// A fixed 32-byte key, from a key file or from the environment. It is loaded on first use, so
/// registering the plugin and missing the cache touch no key at all.
/// </summary>
internal sealed class RawKeySource(string description, Func<byte[]> load) : IKeySource
{
    /// <summary>The tag of files sealed with a raw key.</summary>
    public const byte RawKind = 1;

    private byte[]? _key;

    public byte Kind => RawKind;

    public int ParameterLength => 0;

    public string Description { get; } = description;

    // The same key serves every file for the life of the process, so it is handed out as a copy
    // that the caller may clear without harming the next call.
    public byte[] KeyForNewFile(Span<byte> parameters) => (byte[])Key().Clone();

    public byte[]? KeyForFile(ReadOnlySpan<byte> parameters) => (byte[])Key().Clone();

    private byte[] Key() => _key ??= load();
}
