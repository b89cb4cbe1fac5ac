using KubeKey.Abstractions;
using KubeKey.Core.Errors;
using KubeKey.Host.Cli;
using KubeKey.Host.Logging;
using KubeKey.Host.Plugins;

namespace KubeKey.Host.Commands;

/// <summary>
/// <c>kubekey doctor</c>: which token cache kubekey would use here and why, whether it works (a
/// real store, read and remove of a throwaway entry), and what to do when it does not. Everything
/// goes to stderr; stdout stays empty, as it belongs to the ExecCredential alone.
/// </summary>
internal sealed class DoctorCommand
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    private readonly HostEnvironment _environment;
    private readonly TextWriter _out;

    public DoctorCommand(HostEnvironment environment)
    {
        _environment = environment;
        _out = environment.Stderr;
    }

    /// <returns>0 when the cache works, 1 when it does not.</returns>
    public async Task<int> RunAsync(DoctorOptions options)
    {
        var settings = _environment.ResolveSettings(options);
        using var log = LogSetup.Create(settings.LogLevel, settings.LogFile, _environment.Stderr);
        var selector = TokenCacheSetup.CreateSelector(_environment, settings, _environment.StdinIsTerminal, log);

        _out.WriteLine($"kubekey doctor ({VersionCommand.Describe()})");
        var healthy = await CheckChosenCacheAsync(selector, settings.Cache).ConfigureAwait(false);
        await ListCachesAsync(selector).ConfigureAwait(false);

        _out.WriteLine(healthy
            ? "kubekey doctor: the token cache works."
            : "kubekey doctor: the token cache does not work.");
        return healthy ? 0 : 1;
    }

    private async Task<bool> CheckChosenCacheAsync(TokenCacheSelector selector, string? requested)
    {
        CacheSelection selection;
        try
        {
            selection = await selector.SelectAsync(requested, CancellationToken.None).ConfigureAwait(false);
        }
        catch (KubeKeyException e)
        {
            _out.WriteLine($"token cache:  {requested ?? "(automatic)"}");
            return Problem(e.Message);
        }

        var plugin = selection.Backend.Plugin;
        _out.WriteLine($"token cache:  {selection.Name} ({plugin.Name} {plugin.Version})");
        _out.WriteLine($"  why:        {selection.Reason}");
        try
        {
            await RoundTripAsync(selection.Cache).ConfigureAwait(false);
            _out.WriteLine("  round trip: ok (stored, read back and removed a throwaway entry)");
            return true;
        }
        catch (Exception e) when (e is TokenCacheException or TimeoutException or KubeKeyException)
        {
            return Problem(e.Message);
        }
        catch (InvalidDataException e)
        {
            return Problem(e.Message);
        }
        finally
        {
            (selection.Cache as IDisposable)?.Dispose();
        }
    }

    private bool Problem(string message)
    {
        _out.WriteLine($"  problem:    {message}");
        _out.WriteLine("  what to do: fix what the problem names, or choose a cache that works here with "
            + "--cache or KUBEKEY_CACHE (see the list below), then run 'kubekey doctor' again.");
        return false;
    }

    /// <summary>Stores, reads back and removes an entry under a key no login can have.</summary>
    private static async Task RoundTripAsync(ITokenCache cache)
    {
        // Real keys are 32 hex digits (a 128-bit digest); this one is longer, so it never collides.
        var key = new CacheKey(
            "d0c70" + Random.Shared.GetHexString(43, lowercase: true), "kubekey doctor", "round trip");
        var now = DateTimeOffset.UtcNow;
        var entry = new TokenCacheEntry(
            "kubekey-doctor." + Random.Shared.GetHexString(32, lowercase: true) + ".check",
            null, now.AddMinutes(5), key.Issuer, key.ClientId, null, now);

        await StepAsync(cache.StoreAsync(key, entry, CancellationToken.None).AsTask(), "store").ConfigureAwait(false);
        try
        {
            var get = cache.GetAsync(key, CancellationToken.None).AsTask();
            await StepAsync(get, "read").ConfigureAwait(false);
            var read = await get.ConfigureAwait(false);
            if (read?.IdToken != entry.IdToken)
            {
                throw new InvalidDataException(
                    "The cache stored a test entry but handed back " + (read is null ? "nothing" : "a different one")
                    + "; check the keyring or folder for another program changing kubekey's entries.");
            }
        }
        finally
        {
            await StepAsync(cache.RemoveAsync(key, CancellationToken.None).AsTask(), "remove").ConfigureAwait(false);
        }
    }

    private static async Task StepAsync(Task step, string what)
    {
        try
        {
            await step.WaitAsync(StepTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(
                $"The cache did not {what} a test entry within {StepTimeout.TotalSeconds:0} seconds; check that "
                + "the keyring service is running.", e);
        }
    }

    private async Task ListCachesAsync(TokenCacheSelector selector)
    {
        _out.WriteLine($"token caches installed for {PluginException.PlatformName}:");
        var survey = await selector.SurveyAsync(CancellationToken.None).ConfigureAwait(false);
        if (survey.Count == 0)
        {
            _out.WriteLine("  none");
        }

        foreach (var (name, problem) in survey)
        {
            _out.WriteLine($"  {name,-15} {(problem is null ? "works here" : "cannot work here: " + problem)}");
        }
    }
}
