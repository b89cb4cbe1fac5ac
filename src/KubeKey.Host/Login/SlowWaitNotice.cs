namespace KubeKey.Host.Login;

/// <summary>
/// Says on stderr what kubekey is waiting for, once, when a bounded wait lasts longer than a
/// moment: a silent pause in kubectl looks like a hang, a named one does not.
/// </summary>
internal sealed class SlowWaitNotice : IDisposable
{
    /// <summary>How long a wait may last before it is announced.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    private readonly Timer _timer;

    private SlowWaitNotice(TextWriter stderr, string message, TimeSpan delay)
    {
        _timer = new Timer(_ => stderr.WriteLine(message), null, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts the clock; disposing before <paramref name="delay"/> keeps stderr quiet.</summary>
    /// <param name="stderr">Where the line goes.</param>
    /// <param name="what">What is awaited, e.g. "https://login.example.com to answer".</param>
    /// <param name="limit">When the wait gives up, said in the line.</param>
    /// <param name="delay">How long to stay quiet; <see cref="Delay"/> by default.</param>
    public static SlowWaitNotice Start(TextWriter stderr, string what, TimeSpan limit, TimeSpan? delay = null) =>
        new(stderr, $"kubekey: waiting for {what} (giving up after {limit.TotalSeconds:0} s)…", delay ?? Delay);

    public void Dispose() => _timer.Dispose();
}
