using CommandLine;
using KubeKey.Abstractions;
using KubeKey.Core.Errors;
using KubeKey.Core.Exec;
using KubeKey.Host.Cli;
using KubeKey.Host.Commands;

namespace KubeKey.Host;

/// <summary>
/// The composition root and the one top-level handler: parses the command line, runs a verb,
/// and turns every failure into one line on stderr and a non-zero exit.
/// </summary>
internal static class KubeKeyApp
{
    public static async Task<int> RunAsync(string[] args, HostEnvironment environment)
    {
        var debug = args.Contains("--debug");
        try
        {
            return await DispatchAsync(Normalize(args, environment), environment).ConfigureAwait(false);
        }
        catch (KubeKeyException e)
        {
            Report(environment.Stderr, e.Message, e, debug);
            return e.ExitCode;
        }
        catch (TokenCacheException e)
        {
            Report(environment.Stderr, e.Message, e, debug);
            return 1;
        }
        catch (TimeoutException e)
        {
            Report(environment.Stderr, e.Message, e, debug);
            return 1;
        }
    }

    private static async Task<int> DispatchAsync(string[] args, HostEnvironment environment)
    {
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = null;
            settings.AllowMultiInstance = true;
            settings.CaseInsensitiveEnumValues = true;
            settings.AutoVersion = false;
        });
        var result = parser.ParseArguments<GetTokenOptions, VersionOptions, TemplatesOptions, DoctorOptions>(args);
        return await result.MapResult(
            (GetTokenOptions options) => new GetTokenCommand(environment).RunAsync(options),
            (VersionOptions _) => Task.FromResult(VersionCommand.Run(environment)),
            (TemplatesOptions options) => Task.FromResult(new TemplatesCommand(environment).Run(options)),
            (DoctorOptions options) => new DoctorCommand(environment).RunAsync(options),
            errors => Task.FromResult(UsageErrors.Report(result, errors, environment.Stderr))).ConfigureAwait(false);
    }

    /// <summary>
    /// The original kubekey's interface: kubectl ran it with no arguments (the exec info set), and
    /// <c>-v</c> alone printed the version.
    /// </summary>
    private static string[] Normalize(string[] args, HostEnvironment environment)
    {
        if (args.Length == 0 && environment.GetEnvironmentVariable(ExecInfo.EnvironmentVariable) is not null)
        {
            return ["get-token"];
        }

        return args is ["-v"] or ["--version"] ? ["version"] : args;
    }

    private static void Report(TextWriter stderr, string message, Exception e, bool debug)
    {
        stderr.WriteLine($"kubekey: error: {message}");
        if (debug)
        {
            for (var cause = e.InnerException; cause is not null; cause = cause.InnerException)
            {
                stderr.WriteLine($"kubekey:   caused by {cause.GetType().Name}: {cause.Message}");
            }

            stderr.WriteLine(e.StackTrace);
        }
    }
}
