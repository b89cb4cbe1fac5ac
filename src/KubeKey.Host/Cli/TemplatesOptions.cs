using CommandLine;

namespace KubeKey.Host.Cli;

/// <summary>
/// The <c>templates</c> verb. The parser has no nested verbs, so the action (only <c>dump</c>
/// for now) is the first value and the folder the second.
/// </summary>
[Verb("templates", HelpText = "Write the login pages' default templates: 'templates dump DIR'.")]
internal sealed class TemplatesOptions : CommonOptions
{
    /// <summary>How the verb is used, for help and for errors.</summary>
    public const string Usage = "kubekey templates dump DIR";

    [Value(0, MetaName = "action", HelpText = "dump: write the default templates into DIR to customise.")]
    public string? Action { get; set; }

    [Value(1, MetaName = "DIR", HelpText = "The folder to write the templates to; created when missing.")]
    public string? Directory { get; set; }

    [Option("templates", HelpText = "The templates plugin whose defaults to write.")]
    public string? Templates { get; set; }

    [Option("plugin-dir", HelpText = "Another folder of plugin folders; repeatable.")]
    public IEnumerable<string> PluginDirs { get; set; } = [];
}
