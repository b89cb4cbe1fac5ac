namespace KubeKey.Cache.SecretService;

/// <summary>How long the cache waits for the bus, the service and a person.</summary>
/// <param name="Call">One D-Bus call, connecting included. A healthy keyring answers in milliseconds.</param>
/// <param name="Prompt">A person answering an unlock prompt.</param>
internal sealed record SecretServiceTimeouts(TimeSpan Call, TimeSpan Prompt)
{
    public static SecretServiceTimeouts Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));

    /// <summary>The availability probe: an answer slower than this is as good as none.</summary>
    public static TimeSpan Probe { get; } = TimeSpan.FromSeconds(1);
}
