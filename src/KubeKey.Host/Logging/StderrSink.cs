using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace KubeKey.Host.Logging;

/// <summary>Writes log events to the stderr writer the host was given, one line each.</summary>
internal sealed class StderrSink : ILogEventSink
{
    private readonly TextWriter _stderr;
    private readonly ITextFormatter _formatter;
    private readonly Lock _gate = new();

    public StderrSink(TextWriter stderr, ITextFormatter formatter)
    {
        _stderr = stderr;
        _formatter = formatter;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            _formatter.Format(logEvent, _stderr);
            _stderr.Flush();
        }
    }
}
