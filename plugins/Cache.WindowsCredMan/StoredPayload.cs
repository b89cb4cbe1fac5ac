namespace KubeKey.Cache.WindowsCredMan;

/// <summary>What reading an entry's credentials found: the payload, nothing, or a broken entry.</summary>
internal sealed class StoredPayload
{
    private StoredPayload(byte[]? payload, string? problem)
    {
        Payload = payload;
        Problem = problem;
    }

    public static StoredPayload Missing { get; } = new(null, null);

    /// <summary>The reassembled, verified payload; <see langword="null"/> on a miss or a broken entry.</summary>
    public byte[]? Payload { get; }

    /// <summary>
    /// Why the entry cannot be used, completing "the cached entry … is unusable because …";
    /// <see langword="null"/> unless the entry is broken. Never holds secret bytes.
    /// </summary>
    public string? Problem { get; }

    public static StoredPayload Found(byte[] payload) => new(payload, null);

    public static StoredPayload Broken(string problem) => new(null, problem);
}
