namespace KubeKey.Browser.System;

/// <summary>One way of opening the URL, tried in turn until one starts.</summary>
/// <param name="Program">The program to run, or the URL itself when <paramref name="UseShell"/>.</param>
/// <param name="Arguments">The arguments, each passed to the program as it is, never through a shell.</param>
/// <param name="Source">Where the command came from, for log lines ("$BROWSER", "xdg-open").</param>
/// <param name="UseShell">Hand <paramref name="Program"/> to the Windows shell instead of running it.</param>
/// <param name="Configured">The person configured this command, so its failure deserves a warning.</param>
internal sealed record LaunchCommand(
    string Program,
    IReadOnlyList<string> Arguments,
    string Source,
    bool UseShell = false,
    bool Configured = false);
