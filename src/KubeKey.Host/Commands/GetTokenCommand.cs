using System.Runtime.CompilerServices;
using KubeKey.Abstractions;
using KubeKey.Core.Caching;
using KubeKey.Core.Exec;
using KubeKey.Core.Settings;
using KubeKey.Host.Caching;
using KubeKey.Host.Cli;
using KubeKey.Host.Logging;
using KubeKey.Host.Login;
using KubeKey.Host.Plugins;
using Serilog;

namespace KubeKey.Host.Commands;

/// <summary>
/// What kubectl runs: answer from the cache when the token is still good; otherwise get a new one.
/// </summary>
internal sealed class GetTokenCommand
{
    private readonly HostEnvironment _environment;

    public GetTokenCommand(HostEnvironment environment)
    {
        _environment = environment;
    }

    public async Task<int> RunAsync(GetTokenOptions options)
    {
        var settings = _environment.ResolveSettings(options);
        using var log = LogSetup.Create(settings.LogLevel, settings.LogFile, _environment.Stderr);
        LogStart(log, settings);

        var exec = ExecInfo.Parse(
            _environment.GetEnvironmentVariable(ExecInfo.EnvironmentVariable),
            _environment.StdinIsTerminal);
        SettingsResolver.RequireIdentity(settings);
        var key = CacheKeyFactory.Create(settings);
        var catalog = PluginCatalog.ForHost(_environment, settings, log);
        var selection = await TokenCacheSetup
            .OpenAsync(_environment, settings, catalog, exec.Interactive, log, CancellationToken.None)
            .ConfigureAwait(false);
        var cache = new CacheAccess(selection.Cache, selection.Name, _environment.Stderr);

        var entry = await cache.GetAsync(key).ConfigureAwait(false);
        var policy = new ExpiryPolicy(settings.ExpiryMargin);
        var now = _environment.Clock.GetUtcNow();
        if (entry is null)
        {
            // Upgrading from the Go kubekey: a still-valid token in its keyring item is taken over once.
            entry = await new LegacyTokenImport(log)
                .TryImportAsync(selection.Cache, settings, key, now, CancellationToken.None)
                .ConfigureAwait(false);
        }

        RenewedToken token;
        if (entry is not null && !settings.ForceRefresh && policy.IsUsable(entry, now))
        {
            token = new RenewedToken(entry, policy.ReportedExpiry(entry));
            log.Information("Cached token for {Issuer} is valid until {Expiry:u}", key.Issuer, token.ReportedExpiry);
        }
        else
        {
            LogRenewal(log, entry, settings.ForceRefresh, policy);
            token = await RenewAsync(settings, exec, catalog, cache, key, log).ConfigureAwait(false);
        }

        new ExecCredentialWriter(_environment.Stdout).Write(exec.ApiVersion, token.Entry.IdToken, token.ReportedExpiry);
        LogLoadedAssemblies(log);
        return 0;
    }

    // The cache-hit path must stay light; tests read this line to prove it loads no login code.
    private static void LogLoadedAssemblies(ILogger log)
    {
        if (log.IsEnabled(Serilog.Events.LogEventLevel.Verbose))
        {
            var names = AppDomain.CurrentDomain.GetAssemblies()
                .Select(a => a.GetName().Name)
                .Order(StringComparer.Ordinal);
            log.Verbose("Assemblies loaded: {Assemblies}", string.Join(", ", names));
        }
    }

    // Kept out of line so the cache-hit path never loads the OIDC client and its dependencies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<RenewedToken> RenewAsync(
        KubeKeySettings settings, ExecInfo exec, PluginCatalog catalog, CacheAccess cache, CacheKey key, ILogger log) =>
        new TokenRenewal(settings, exec, _environment, catalog, cache, log).RenewAsync(key, CancellationToken.None);

    private static void LogRenewal(ILogger log, TokenCacheEntry? entry, bool forced, ExpiryPolicy policy)
    {
        if (entry is null)
        {
            log.Information("No cached token; getting one");
        }
        else if (forced)
        {
            log.Information("Ignoring the cached token (--force-refresh)");
        }
        else
        {
            log.Information(
                "Cached token expires at {Expiry:u} (renewed {Margin:0} s early); renewing it",
                entry.ExpiresAt,
                policy.MarginFor(entry).TotalSeconds);
        }
    }

    private void LogStart(ILogger log, KubeKeySettings settings)
    {
        log.Debug("{Version}, OS {OS}", VersionCommand.Describe(), Environment.OSVersion);
        log.Debug("Host folder {Folder}; config files read: {Files}", _environment.BaseDirectory, settings.ConfigFiles);
    }
}
