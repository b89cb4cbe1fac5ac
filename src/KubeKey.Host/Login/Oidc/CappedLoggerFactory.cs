using Microsoft.Extensions.Logging;
using SerilogLogger = Serilog.ILogger;

namespace KubeKey.Host.Login.Oidc;

/// <summary>
/// Hands the OIDC client's log to kubekey's, warnings and errors only. Below that level the
/// library writes the PKCE verifier and the callback URL with its code (REFERENCE.md §6), so
/// those levels are never enabled, whatever kubekey's own level is.
/// </summary>
internal sealed class CappedLoggerFactory : ILoggerFactory
{
    private readonly SerilogLogger _log;

    public CappedLoggerFactory(SerilogLogger log)
    {
        _log = log;
    }

    public ILogger CreateLogger(string categoryName) => new CappedLogger(_log, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
        // The one destination is kubekey's own log; providers added by the library are ignored.
    }

    public void Dispose()
    {
    }

    private sealed class CappedLogger(SerilogLogger log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel is >= LogLevel.Warning and < LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // Its errors repeat what kubekey reports itself, so they are detail, not news.
            log.Debug("OIDC client ({Category}): {Message}", category, formatter(state, exception));
        }
    }
}
