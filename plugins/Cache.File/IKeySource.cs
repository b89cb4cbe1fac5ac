namespace KubeKey.Cache.File;

/// <summary>
/// Where the AES-256 key that seals cache files comes from. Each file records the
/// <see cref="Kind"/> of source that sealed it and the <see cref="ParameterLength"/> bytes of
/// parameters (such as a salt) the source needs to find the key again.
/// </summary>
internal interface IKeySource
{
    /// <summary>The tag written into every file this source seals.</summary>
    byte Kind { get; }

    /// <summary>How many parameter bytes each file carries for this source; may be zero.</summary>
    int ParameterLength { get; }

    /// <summary>Names the source in warnings, e.g. "the key file '/home/a/file-cache.key'".</summary>
    string Description { get; }

    /// <summary>The key for a file about to be written; fills in its parameters.</summary>
    /// <returns>A 32-byte key the caller may clear once it is done with it.</returns>
    /// <exception cref="Abstractions.TokenCacheException">The key cannot be obtained.</exception>
    byte[] KeyForNewFile(Span<byte> parameters);

    /// <summary>The key for a file written earlier with these parameters.</summary>
    /// <returns>A 32-byte key, or null when this source would not write such parameters.</returns>
    /// <exception cref="Abstractions.TokenCacheException">The key cannot be obtained.</exception>
    byte[]? KeyForFile(ReadOnlySpan<byte> parameters);
}
