using CommandLine;

namespace KubeKey.Host.Cli;

/// <summary>Flags every verb takes: how much to log and where.</summary>
internal abstract class CommonOptions
{
    [Option('v', "verbose", HelpText = "Show the steps kubekey takes, on stderr.")]
    public bool Verbose { get; set; }

    [Option("debug", HelpText = "Show troubleshooting detail: versions, plugins, decisions. Never secrets.")]
    public bool Debug { get; set; }

    [Option("log-level", HelpText = "error, warning (default), info, debug or trace.")]
    public string? LogLevel { get; set; }

    [Option("log-file", HelpText = "Also write the log to this file.")]
    public string? LogFile { get; set; }
}
