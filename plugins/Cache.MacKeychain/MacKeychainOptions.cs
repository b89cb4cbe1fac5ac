using KubeKey.Abstractions;

namespace KubeKey.Cache.MacKeychain;

/// <summary>The plugin's settings, from the <c>plugins.KubeKey.Cache.MacKeychain</c> section.</summary>
internal sealed class MacKeychainOptions
{
    /// <summary>The keychain service name kubekey's items carry unless <c>service</c> says otherwise.</summary>
    public const string DefaultService = "io.github.kubekey";

    /// <summary>How long a keychain call may wait for a person to answer a prompt.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The service attribute of every item kubekey writes.</summary>
    public string Service { get; init; } = DefaultService;

    /// <summary>
    /// Whether macOS may show its keychain prompts (unlock, "allow access"). When false a call that
    /// would prompt fails at once with errSecInteractionNotAllowed.
    /// </summary>
    public bool AllowPrompts { get; init; } = true;

    /// <summary>The longest any keychain call may take, prompts included.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Reads the settings <c>service</c> and <c>prompt</c> ("allow" or "never").</summary>
    /// <exception cref="TokenCacheException">A setting holds a value the plugin does not accept.</exception>
    public static MacKeychainOptions FromContext(IPluginContext context)
    {
        var service = context.GetSetting("service") ?? DefaultService;
        if (string.IsNullOrWhiteSpace(service))
        {
            throw KeychainErrors.BadSetting("service", service, $"a service name such as \"{DefaultService}\"");
        }

        var prompt = context.GetSetting("prompt") ?? "allow";
        var allowPrompts = prompt switch
        {
            "allow" => true,
            "never" => false,
            _ => throw KeychainErrors.BadSetting("prompt", prompt, "\"allow\" or \"never\""),
        };
        return new MacKeychainOptions { Service = service, AllowPrompts = allowPrompts };
    }
}
