using KubeKey.Abstractions;
using Serilog;

namespace KubeKey.Host.Plugins;

/// <summary>
/// Chooses the token cache of a run. An explicit choice (the <c>cache</c> setting) is used when
/// it can work here and refused otherwise, listing what does work; without one, the OS keyring
/// is used when it answers, else the encrypted file (see <see cref="CachePreferences"/>).
/// </summary>
/// <remarks>
/// Whether a backend can work here is asked through <see cref="ITokenCacheProbe"/>, for caches
/// that implement it, with a deadline, so a silent keyring never holds kubectl up for long.
/// </remarks>
internal sealed class TokenCacheSelector
{
    /// <summary>How long a probe may take: the plugins' own deadline (one second) and some slack.</summary>
    public static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(1.5);

    private readonly ICacheBackends _backends;
    private readonly IReadOnlyList<string> _preferences;
    private readonly ILogger _log;

    /// <param name="backends">Where backends come from.</param>
    /// <param name="preferences">
    /// The automatic order, normally <see cref="CachePreferences.ForCurrentPlatform"/>.
    /// </param>
    /// <param name="log">The run's log.</param>
    public TokenCacheSelector(ICacheBackends backends, IReadOnlyList<string> preferences, ILogger log)
    {
        _backends = backends;
        _preferences = preferences;
        _log = log;
    }

    /// <summary>Chooses the cache: <paramref name="requested"/> when given, else automatically.</summary>
    /// <exception cref="PluginException">
    /// The requested backend is not installed, not for this OS, or cannot work here; or no
    /// backend at all works here.
    /// </exception>
    public async Task<CacheSelection> SelectAsync(string? requested, CancellationToken cancellationToken)
    {
        var selection = string.IsNullOrEmpty(requested)
            ? await SelectAutomaticallyAsync(cancellationToken).ConfigureAwait(false)
            : await SelectExplicitAsync(requested, cancellationToken).ConfigureAwait(false);
        _log.Debug(
            "Token cache: {Plugin} {Version}, {Reason}",
            selection.Backend.Plugin.Name,
            selection.Backend.Plugin.Version,
            selection.Reason);
        return selection;
    }

    /// <summary>Why <paramref name="backend"/> cannot work here, or null when it can.</summary>
    public async Task<string?> ProbeAsync(CacheBackend backend, CancellationToken cancellationToken)
    {
        if (backend.Cache is not ITokenCacheProbe probe)
        {
            return null;
        }

        try
        {
            return await probe.ProbeAsync(cancellationToken).AsTask()
                .WaitAsync(ProbeDeadline, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return $"It did not say within {ProbeDeadline.TotalSeconds:0.#} seconds whether it can work here.";
        }
        catch (TokenCacheException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Every installed cache backend for this OS, each opened and probed: null beside the ones
    /// that can work here, the reason beside the others.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string? Problem)>> SurveyAsync(CancellationToken cancellationToken)
    {
        var survey = new List<(string, string?)>();
        foreach (var name in _backends.Installed())
        {
            survey.Add((name, await ProblemOfAsync(name, cancellationToken).ConfigureAwait(false)));
        }

        return survey;
    }

    /// <summary>The installed backends that can work here.</summary>
    public async Task<IReadOnlyList<string>> WorkingAsync(CancellationToken cancellationToken) =>
        [.. (await SurveyAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => s.Problem is null)
            .Select(s => s.Name)];

    private async Task<CacheSelection> SelectExplicitAsync(string requested, CancellationToken cancellationToken)
    {
        var backend = _backends.Open(requested);
        var reason = await ProbeAsync(backend, cancellationToken).ConfigureAwait(false);
        if (reason is null)
        {
            return new CacheSelection(backend, Explicit: true, []);
        }

        Release(backend);
        var others = (await WorkingAsync(cancellationToken).ConfigureAwait(false))
            .Where(name => !string.Equals(name, backend.Name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        throw PluginException.CacheCannotWork(requested, reason, others);
    }

    private async Task<CacheSelection> SelectAutomaticallyAsync(CancellationToken cancellationToken)
    {
        var passedOver = new List<PassedOverBackend>();
        foreach (var name in _preferences)
        {
            CacheBackend backend;
            try
            {
                backend = _backends.Open(name);
            }
            catch (PluginException e)
            {
                _log.Debug("Automatic cache choice: skipping {Name}: {Reason}", name, e.Message);
                passedOver.Add(new PassedOverBackend(name, Installed: false, e.Message));
                continue;
            }
            catch (TokenCacheException e)
            {
                _log.Debug("Automatic cache choice: {Name} cannot work here: {Reason}", name, e.Message);
                passedOver.Add(new PassedOverBackend(name, Installed: true, e.Message));
                continue;
            }

            var reason = await ProbeAsync(backend, cancellationToken).ConfigureAwait(false);
            if (reason is null)
            {
                return new CacheSelection(backend, Explicit: false, passedOver);
            }

            _log.Debug("Automatic cache choice: {Name} cannot work here: {Reason}", name, reason);
            Release(backend);
            passedOver.Add(new PassedOverBackend(name, Installed: true, reason));
        }

        throw PluginException.NoCacheWorks(passedOver.Select(p => p.Describe()));
    }

    private async Task<string?> ProblemOfAsync(string name, CancellationToken cancellationToken)
    {
        CacheBackend backend;
        try
        {
            backend = _backends.Open(name);
        }
        catch (Exception e) when (e is PluginException or TokenCacheException)
        {
            return e.Message;
        }

        try
        {
            return await ProbeAsync(backend, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release(backend);
        }
    }

    private static void Release(CacheBackend backend) => (backend.Cache as IDisposable)?.Dispose();
}
