using System.Collections.Concurrent;
using KubeKey.Abstractions;

namespace KubeKey.Testing;

/// <summary>A plugin log that keeps every line, so tests can assert on what was reported.</summary>
public sealed class RecordingLog : IPluginLog
{
    private readonly ConcurrentQueue<(string Level, string Message)> _lines = new();

    public IReadOnlyList<(string Level, string Message)> Lines => [.. _lines];

    public IEnumerable<string> Warnings => Lines.Where(l => l.Level == "warning").Select(l => l.Message);

    public string AllText => string.Join('\n', Lines.Select(l => $"{l.Level}: {l.Message}"));

    public void Debug(string message) => _lines.Enqueue(("debug", message));

    public void Information(string message) => _lines.Enqueue(("information", message));

    public void Warning(string message) => _lines.Enqueue(("warning", message));
}
