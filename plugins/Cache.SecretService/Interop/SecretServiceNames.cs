namespace KubeKey.Cache.SecretService.Interop;

/// <summary>
/// The bus names, object paths, interfaces and error names of the freedesktop Secret Service
/// API (specification 0.2) and of the bus itself that kubekey uses.
/// </summary>
internal static class SecretServiceNames
{
    public const string Service = "org.freedesktop.secrets";
    public const string ServicePath = "/org/freedesktop/secrets";
    public const string DefaultCollectionPath = "/org/freedesktop/secrets/aliases/default";

    /// <summary>The spec's "no object" path, e.g. when a call needs no prompt.</summary>
    public const string NoObject = "/";

    public const string ServiceInterface = "org.freedesktop.Secret.Service";
    public const string CollectionInterface = "org.freedesktop.Secret.Collection";
    public const string ItemInterface = "org.freedesktop.Secret.Item";
    public const string PromptInterface = "org.freedesktop.Secret.Prompt";
    public const string PropertiesInterface = "org.freedesktop.DBus.Properties";
    public const string PeerInterface = "org.freedesktop.DBus.Peer";

    public const string IsLockedError = "org.freedesktop.Secret.Error.IsLocked";
    public const string NoSuchObjectError = "org.freedesktop.Secret.Error.NoSuchObject";
    public const string UnknownObjectError = "org.freedesktop.DBus.Error.UnknownObject";
    public const string ServiceUnknownError = "org.freedesktop.DBus.Error.ServiceUnknown";
    public const string NameHasNoOwnerError = "org.freedesktop.DBus.Error.NameHasNoOwner";

    /// <summary>
    /// The spec's "plain" algorithm: the secret travels unencrypted over the private socket to
    /// the session bus, which the spec names as the choice for in-process clients.
    /// </summary>
    public const string PlainAlgorithm = "plain";
}
