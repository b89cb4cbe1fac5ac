using KubeKey.Abstractions;
using KubeKey.Core.Caching;
using KubeKey.Core.Exec;
using KubeKey.Core.Settings;
using KubeKey.Host.Cli;
using KubeKey.Host.Errors;
using KubeKey.Host.Logging;
using KubeKey.Host.Plugins;
using Serilog;

namespace KubeKey.Host.Commands;

/// <summary>
/// What kubectl runs: answer from the cache when the token is still good; otherwise get a new one.
/// </summary>
internal sealed class GetTokenCommand
{
    private static readonly TimeSpan CacheTimeout = TimeSpan.FromSeconds(20);

    private readonly HostEnvironment _environment;

    public GetTokenCommand(HostEnvironment environment)
    {
        _environment = environment;
    }

    public async Task<int> RunAsync(GetTokenOptions options)
    {
        var settings = SettingsResolver.Resolve(new SettingsInput
        {
            GetEnvironmentVariable = _environment.GetEnvironmentVariable,
            Flags = FlagLayer.From(options),
            SystemConfigFile = _environment.SystemConfigFile,
        });
        using var log = LogSetup.Create(settings.LogLevel, settings.LogFile, _environment.Stderr);
        LogStart(log, settings);

        var exec = ExecInfo.Parse(_environment.GetEnvironmentVariable(ExecInfo.EnvironmentVariable), _environment.StdinIsTerminal);
        SettingsResolver.RequireIdentity(settings);
        var key = CacheKeyFactory.Create(settings);
        var cacheName = settings.Cache ?? "file";
        var cache = CreateCache(settings, exec, cacheName, log);

        var entry = await ReadCacheAsync(cache, key, cacheName).ConfigureAwait(false);
        var policy = new ExpiryPolicy(settings.ExpiryMargin);
        var now = _environment.Clock.GetUtcNow();
        if (entry is not null && !settings.ForceRefresh && policy.IsUsable(entry, now))
        {
            var expiry = policy.ReportedExpiry(entry);
            log.Information("Cached token for {Issuer} is valid until {Expiry:u}", key.Issuer, expiry);
            new ExecCredentialWriter(_environment.Stdout).Write(exec.ApiVersion, entry.IdToken, expiry);
            return 0;
        }

        // TODO(#3): refresh with the refresh token, else log in through the browser.
        var state = entry is null ? "is missing"
            : settings.ForceRefresh ? "is ignored (--force-refresh)"
            : $"expired at {entry.ExpiresAt:u} (kubekey renews {policy.MarginFor(entry).TotalSeconds:0} s early)";
        throw CredentialException.LoginUnavailable(key.Issuer, state);
    }

    private static async Task<TokenCacheEntry?> ReadCacheAsync(ITokenCache cache, CacheKey key, string cacheName)
    {
        using var timeout = new CancellationTokenSource(CacheTimeout);
        try
        {
            return await cache.GetAsync(key, timeout.Token).AsTask().WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw CredentialException.CacheTimeout(cacheName, CacheTimeout);
        }
    }

    private ITokenCache CreateCache(KubeKeySettings settings, ExecInfo exec, string name, ILogger log)
    {
        string[] roots = [.. settings.PluginDirectories, Path.Combine(_environment.BaseDirectory, "plugins")];
        var catalog = new PluginCatalog(roots, new McMasterPluginLoader(), log);
        var plugin = catalog.Load(PluginSlot.Cache, name);
        log.Debug("Token cache: {Plugin} {Version}", plugin.Metadata.Name, plugin.Metadata.Version);

        var context = new PluginContext(
            settings,
            plugin.Metadata.Name,
            exec.Interactive,
            new SerilogPluginLog(log, plugin.Metadata.Name),
            _environment.GetEnvironmentVariable);
        return plugin.Registry.TokenCache!(context);
    }

    private void LogStart(ILogger log, KubeKeySettings settings)
    {
        log.Debug("{Version}, OS {OS}", VersionCommand.Describe(), Environment.OSVersion);
        log.Debug("Host folder {Folder}; config files read: {Files}", _environment.BaseDirectory, settings.ConfigFiles);
    }
}
