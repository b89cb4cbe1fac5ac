using CommandLine;

namespace KubeKey.Host.Cli;

/// <summary>The <c>version</c> verb; <c>kubekey -v</c> alone does the same, as the original did.</summary>
[Verb("version", HelpText = "Print kubekey's version, runtime and plugins, on stderr.")]
internal sealed class VersionOptions : CommonOptions
{
}
