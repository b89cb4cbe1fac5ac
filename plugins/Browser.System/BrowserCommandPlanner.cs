using System.Text;

namespace KubeKey.Browser.System;

/// <summary>
/// Decides which commands may open a URL on this machine, in the order to try them, and builds
/// their arguments. It only plans: nothing is started here.
/// </summary>
internal sealed class BrowserCommandPlanner
{
    /// <summary>The environment variable that overrides the <c>command</c> setting.</summary>
    public const string CommandVariable = "KUBEKEY_BROWSER_COMMAND";

    /// <summary>The placeholder replaced by the URL in a configured command.</summary>
    public const string UrlPlaceholder = "{url}";

    private readonly ISystemProbe _system;

    public BrowserCommandPlanner(ISystemProbe system)
    {
        _system = system;
    }

    /// <summary>Works out which kind of desktop this is.</summary>
    public BrowserPlatform DetectPlatform()
    {
        if (_system.IsWindows)
        {
            return BrowserPlatform.Windows;
        }

        if (_system.IsMacOS)
        {
            return BrowserPlatform.MacOS;
        }

        // WSL sets WSL_DISTRO_NAME in every shell; its kernel names Microsoft in its version
        // string, which still holds when the environment was scrubbed (sudo, env -i).
        if (!string.IsNullOrEmpty(_system.GetEnvironmentVariable("WSL_DISTRO_NAME"))
            || (_system.ReadSystemFile("/proc/version") ?? string.Empty)
                .Contains("microsoft", StringComparison.OrdinalIgnoreCase))
        {
            return BrowserPlatform.Wsl;
        }

        return BrowserPlatform.Unix;
    }

    /// <summary>The commands to try for <paramref name="url"/>, first to last; may be empty.</summary>
    /// <exception cref="FormatException">
    /// The configured command or <c>$BROWSER</c> cannot be split into words.
    /// </exception>
    public IReadOnlyList<LaunchCommand> Plan(Uri url)
    {
        var target = url.AbsoluteUri;
        var platform = DetectPlatform();
        var backslashEscapes = platform != BrowserPlatform.Windows;

        // A configured command is the person's explicit choice: it alone is tried, so a broken
        // one is reported rather than silently replaced by a different browser.
        var custom = ConfiguredCommand(out var source);
        if (custom is not null)
        {
            var command = FromTemplate(custom, source, target, backslashEscapes, UrlPlaceholder);
            return [command with { Configured = true }];
        }

        return platform switch
        {
            BrowserPlatform.Windows => [new LaunchCommand(target, [], "the Windows shell", UseShell: true)],
            BrowserPlatform.MacOS => [new LaunchCommand("open", [target], "open")],
            BrowserPlatform.Wsl => [.. FromBrowserVariable(target), .. WslCommands(target), .. XdgOpen(target)],
            _ => [.. FromBrowserVariable(target), .. XdgOpen(target)],
        };
    }

    private string? ConfiguredCommand(out string source)
    {
        var fromEnvironment = _system.GetEnvironmentVariable(CommandVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            source = "$" + CommandVariable;
            return fromEnvironment;
        }

        source = "the command setting";
        var fromSetting = _system.GetSetting("command");
        return string.IsNullOrWhiteSpace(fromSetting) ? null : fromSetting;
    }

    // $BROWSER holds a colon-separated list of commands; "%s" in one stands for the URL, "%%"
    // for a percent sign, and without "%s" the URL is appended (the convention xdg-open and
    // Python's webbrowser follow).
    private IEnumerable<LaunchCommand> FromBrowserVariable(string target)
    {
        var value = _system.GetEnvironmentVariable("BROWSER");
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        return value.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => FromTemplate(entry, "$BROWSER", target, backslashEscapes: true, "%s"))
            .ToList();
    }

    private static IEnumerable<LaunchCommand> WslCommands(string target) =>
    [
        new LaunchCommand("wslview", [target], "wslview"),
        new LaunchCommand("cmd.exe", ["/c", "start", EscapeForCmd(target)], "cmd.exe start"),
    ];

    // Without a display xdg-open falls back to text-mode browsers, which cannot work with the
    // terminal kubectl owns; the person opens the printed URL instead.
    private IEnumerable<LaunchCommand> XdgOpen(string target) =>
        string.IsNullOrEmpty(_system.GetEnvironmentVariable("DISPLAY"))
        && string.IsNullOrEmpty(_system.GetEnvironmentVariable("WAYLAND_DISPLAY"))
            ? []
            : [new LaunchCommand("xdg-open", [target], "xdg-open")];

    private static LaunchCommand FromTemplate(
        string commandLine, string source, string target, bool backslashEscapes, string placeholder)
    {
        var words = CommandLineSplitter.Split(commandLine, backslashEscapes);
        if (words.Count == 0 || words[0].Length == 0)
        {
            throw new FormatException(
                $"The browser command from {source} names no program; set it to a program and its arguments.");
        }

        // Substituting word by word, after splitting, keeps the URL a single argument whatever
        // characters it holds.
        var found = false;
        var arguments = new List<string>(words.Count);
        foreach (var word in words.Skip(1))
        {
            arguments.Add(Substitute(word, placeholder, target, ref found));
        }

        var program = Substitute(words[0], placeholder, target, ref found);
        if (!found)
        {
            arguments.Add(target);
        }

        return new LaunchCommand(program, arguments, source);
    }

    private static string Substitute(string word, string placeholder, string target, ref bool found)
    {
        var result = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if (string.CompareOrdinal(word, i, placeholder, 0, placeholder.Length) == 0)
            {
                result.Append(target);
                i += placeholder.Length - 1;
                found = true;
            }
            else if (placeholder == "%s" && word[i] == '%' && i + 1 < word.Length && word[i + 1] == '%')
            {
                result.Append('%');
                i++;
            }
            else
            {
                result.Append(word[i]);
            }
        }

        return result.ToString();
    }

    // cmd.exe reads its own command line: outside quotes a caret makes the next character
    // literal, and a caret after a percent sign spoils "%NAME%" variable expansion (cmd leaves
    // an undefined name as written, then drops the caret). Quoting would not stop the expansion.
    // Uri.AbsoluteUri has already escaped spaces, quotes, <, >, | and ^.
    internal static string EscapeForCmd(string target)
    {
        var result = new StringBuilder(target.Length + 8);
        foreach (var c in target)
        {
            if (c is '&' or '(' or ')' or '!' or '<' or '>' or '|' or '^' or '"')
            {
                result.Append('^').Append(c);
            }
            else if (c == '%')
            {
                result.Append("%^");
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
