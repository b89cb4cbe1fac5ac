using Tmds.DBus.Protocol;
using static KubeKey.Cache.SecretService.Interop.SecretServiceNames;

namespace KubeKey.Cache.SecretService.Interop;

/// <summary>
/// A connection to the session bus with an open "plain" Secret Service session. Every call is
/// bounded by a timeout: Tmds.DBus waits forever for a reply, and a stopped keyring daemon
/// never sends one.
/// </summary>
internal sealed class SecretServiceConnection : IDisposable
{
    // What libsecret writes; gnome-keyring hands back text/plain whatever is stored anyway.
    private const string ContentType = "text/plain; charset=utf8";

    private readonly DBusConnection _bus;
    private readonly TimeSpan _callTimeout;

    private SecretServiceConnection(DBusConnection bus, string session, TimeSpan callTimeout)
    {
        _bus = bus;
        Session = session;
        _callTimeout = callTimeout;
    }

    /// <summary>The object path of the open session that secrets travel in.</summary>
    public string Session { get; }

    /// <summary>Connects to <paramref name="address"/> and opens a session with the service.</summary>
    /// <exception cref="Abstractions.TokenCacheException">No bus there, or no service on it.</exception>
    public static async Task<SecretServiceConnection> OpenAsync(
        string address, TimeSpan callTimeout, CancellationToken cancellationToken)
    {
        var bus = await ConnectAsync(address, callTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            var session = await CallAsync(
                bus, callTimeout, SecretServiceMessages.OpenSession(bus), SecretServiceReplies.ReadSession,
                "OpenSession", cancellationToken).ConfigureAwait(false);
            return new SecretServiceConnection(bus, session, callTimeout);
        }
        catch
        {
            bus.Dispose();
            throw;
        }
    }

    /// <summary>Checks that a bus at <paramref name="address"/> has a Secret Service that answers.</summary>
    /// <exception cref="Abstractions.TokenCacheException">It does not; the message says why.</exception>
    public static async Task ProbeAsync(string address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bus = await ConnectAsync(address, timeout, cancellationToken).ConfigureAwait(false);
        await CallAsync(bus, timeout, SecretServiceMessages.Ping(bus), "Ping", cancellationToken)
            .ConfigureAwait(false);
    }

    public Task<SearchResult> SearchAsync(
        IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken) =>
        CallAsync(
            _bus, _callTimeout, SecretServiceMessages.SearchItems(_bus, attributes), SecretServiceReplies.ReadSearch,
            "SearchItems", cancellationToken);

    /// <summary>The secret values of <paramref name="items"/>, by item path.</summary>
    public Task<Dictionary<string, byte[]>> GetSecretsAsync(
        IReadOnlyList<string> items, CancellationToken cancellationToken) =>
        CallAsync(
            _bus, _callTimeout, SecretServiceMessages.GetSecrets(_bus, items, Session),
            SecretServiceReplies.ReadSecrets, "GetSecrets", cancellationToken);

    /// <summary>Creates or replaces the item with these attributes in the default collection.</summary>
    /// <returns>A prompt to run before the item exists, or "/" when it was stored.</returns>
    /// <exception cref="KeyringLockedException">The default collection is locked.</exception>
    public async Task<string> CreateItemAsync(
        string label,
        IReadOnlyDictionary<string, string> attributes,
        ReadOnlyMemory<byte> secret,
        CancellationToken cancellationToken)
    {
        var message = SecretServiceMessages.CreateItem(
            _bus, DefaultCollectionPath, label, attributes, Session, secret.Span, ContentType);
        try
        {
            return await CallAsync(
                _bus, _callTimeout, message, SecretServiceReplies.ReadCreatePrompt, "CreateItem",
                cancellationToken).ConfigureAwait(false);
        }
        catch (Abstractions.TokenCacheException e)
            when (e.InnerException is DBusErrorReplyException { ErrorName: NoSuchObjectError or UnknownObjectError })
        {
            throw SecretServiceErrors.NoDefaultCollection(e.InnerException);
        }
    }

    /// <returns>A prompt to run before the item is gone, or "/" when it was deleted.</returns>
    public Task<string> DeleteItemAsync(string item, CancellationToken cancellationToken) =>
        CallAsync(
            _bus, _callTimeout, SecretServiceMessages.DeleteItem(_bus, item), SecretServiceReplies.ReadObjectPath,
            "Delete", cancellationToken);

    public Task<Dictionary<string, string>> GetAttributesAsync(string item, CancellationToken cancellationToken) =>
        CallAsync(
            _bus, _callTimeout, SecretServiceMessages.GetItemAttributes(_bus, item),
            SecretServiceReplies.ReadAttributes, "Get(Attributes)", cancellationToken);

    /// <returns>A prompt that asks for the password, or "/" when everything is unlocked.</returns>
    public Task<string> UnlockAsync(IReadOnlyList<string> objects, CancellationToken cancellationToken) =>
        CallAsync(
            _bus, _callTimeout, SecretServiceMessages.Unlock(_bus, objects), SecretServiceReplies.ReadUnlockPrompt,
            "Unlock", cancellationToken);

    /// <returns>The default collection's path, or "/" when there is none.</returns>
    public Task<string> ReadDefaultCollectionAsync(CancellationToken cancellationToken) =>
        CallAsync(
            _bus, _callTimeout, SecretServiceMessages.ReadAlias(_bus, "default"), SecretServiceReplies.ReadObjectPath,
            "ReadAlias", cancellationToken);

    /// <summary>Shows <paramref name="prompt"/> and waits for the person to answer it.</summary>
    /// <returns><see langword="true"/> when it completed; <see langword="false"/> when dismissed.</returns>
    /// <exception cref="TimeoutException">Nobody answered within <paramref name="timeout"/>.</exception>
    public async Task<bool> RunPromptAsync(string prompt, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscribe = _bus.WatchSignalAsync(
            Service,
            prompt,
            PromptInterface,
            "Completed",
            SecretServiceReplies.ReadPromptDismissed,
            (Notification<bool> signal) => Complete(completion, signal),
            ObserverFlags.EmitOnConnectionClosed,
            emitOnCapturedContext: false);
        using var watch = await GuardAsync(subscribe.AsTask(), _callTimeout, "AddMatch", cancellationToken)
            .ConfigureAwait(false);

        await CallAsync(_bus, _callTimeout, SecretServiceMessages.Prompt(_bus, prompt), "Prompt", cancellationToken)
            .ConfigureAwait(false);
        try
        {
            return await completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Take the prompt off the screen: nobody is going to answer it for this process.
            _bus.TrySendMessage(SecretServiceMessages.Dismiss(_bus, prompt));
            throw;
        }
        catch (DBusExceptionBase e)
        {
            throw SecretServiceErrors.ConnectionLost(e);
        }
    }

    public void Dispose() => _bus.Dispose();

    private static void Complete(TaskCompletionSource<bool> completion, Notification<bool> signal)
    {
        if (signal.HasValue)
        {
            completion.TrySetResult(!signal.Value);
        }
        else if (signal.IsCompletion)
        {
            completion.TrySetException(
                signal.CompletionReason ?? new DBusConnectionClosedException("The watch on the prompt ended."));
        }
    }

    private static async Task<DBusConnection> ConnectAsync(
        string address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var bus = new DBusConnection(new DBusConnectionOptions(address) { AutoConnect = false });
        try
        {
            await bus.ConnectAsync().AsTask().WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return bus;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            bus.Dispose();
            throw SecretServiceErrors.NoBus(address, e);
        }
    }

    private static Task CallAsync(
        DBusConnection bus, TimeSpan timeout, MessageBuffer message, string member,
        CancellationToken cancellationToken) =>
        GuardAsync(bus.CallMethodAsync(message), timeout, member, cancellationToken);

    private static Task<T> CallAsync<T>(
        DBusConnection bus, TimeSpan timeout, MessageBuffer message, MessageValueReader<T> reader, string member,
        CancellationToken cancellationToken) =>
        GuardAsync(bus.CallMethodAsync(message, reader), timeout, member, cancellationToken);

    private static async Task<T> GuardAsync<T>(
        Task<T> call, TimeSpan timeout, string member, CancellationToken cancellationToken)
    {
        await GuardAsync((Task)call, timeout, member, cancellationToken).ConfigureAwait(false);
        return await call.ConfigureAwait(false);
    }

    private static async Task GuardAsync(
        Task call, TimeSpan timeout, string member, CancellationToken cancellationToken)
    {
        try
        {
            await call.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw SecretServiceErrors.NoAnswer(member, timeout, e);
        }
        catch (DBusErrorReplyException e) when (e.ErrorName == IsLockedError)
        {
            throw new KeyringLockedException($"The Secret Service refused {member}: the keyring is locked.", e);
        }
        catch (DBusErrorReplyException e) when (e.ErrorName is ServiceUnknownError or NameHasNoOwnerError)
        {
            throw SecretServiceErrors.NoService(e);
        }
        catch (DBusErrorReplyException e)
        {
            throw SecretServiceErrors.CallFailed(member, e.ErrorName, e.ErrorMessage, e);
        }
        catch (DBusExceptionBase e)
        {
            throw SecretServiceErrors.ConnectionLost(e);
        }
    }
}
