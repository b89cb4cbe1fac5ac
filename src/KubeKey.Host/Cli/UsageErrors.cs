using CommandLine;
using CommandLine.Text;

namespace KubeKey.Host.Cli;

/// <summary>Turns command-line parse errors into one line, and help requests into help, on stderr.</summary>
internal static class UsageErrors
{
    public static int Report<T>(ParserResult<T> result, IEnumerable<Error> errors, TextWriter stderr)
    {
        var list = errors.ToList();
        if (list.Any(e => e.Tag is ErrorType.HelpRequestedError or ErrorType.HelpVerbRequestedError))
        {
            // With no verb chosen, the help lists the verbs; with one, that verb's flags.
            var topLevel = result.TypeInfo.Current == typeof(NullInstance);
            stderr.WriteLine(HelpText.AutoBuild(result, h => h, e => e, verbsIndex: topLevel));
            return 0;
        }

        if (list.Any(e => e.Tag == ErrorType.VersionRequestedError))
        {
            return Commands.VersionCommand.Run(new HostEnvironment
            {
                Stdout = Stream.Null,
                Stderr = stderr,
                GetEnvironmentVariable = _ => null,
                BaseDirectory = AppContext.BaseDirectory,
            });
        }

        stderr.WriteLine($"kubekey: error: {Describe(list[0])} Run 'kubekey --help' for the verbs and flags.");
        return 2;
    }

    private static string Describe(Error error) => error switch
    {
        UnknownOptionError e => $"The flag '--{e.Token}' is not known.",
        MissingValueOptionError e => $"The flag '--{e.NameInfo.LongName}' needs a value.",
        BadFormatConversionError e => $"The flag '--{e.NameInfo.LongName}' has a value of the wrong form.",
        RepeatedOptionError e => $"The flag '--{e.NameInfo.LongName}' is given twice.",
        BadVerbSelectedError e => $"'{e.Token}' is not a kubekey verb.",
        NoVerbSelectedError => "No verb was given (kubectl runs 'kubekey get-token').",
        _ => $"The command line is not valid ({error.Tag}).",
    };
}
