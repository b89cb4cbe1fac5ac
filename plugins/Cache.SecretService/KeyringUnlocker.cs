using KubeKey.Abstractions;
using KubeKey.Cache.SecretService.Interop;

namespace KubeKey.Cache.SecretService;

/// <summary>
/// Unlocks a locked keyring through the Secret Service's own prompt, but only when a person is
/// there to answer it; otherwise kubectl would hang on a prompt nobody sees.
/// </summary>
internal sealed class KeyringUnlocker
{
    private readonly IPluginContext _context;
    private readonly TimeSpan _promptTimeout;

    public KeyringUnlocker(IPluginContext context, TimeSpan promptTimeout)
    {
        _context = context;
        _promptTimeout = promptTimeout;
    }

    /// <summary>Unlocks <paramref name="objects"/> (items or collections).</summary>
    /// <exception cref="TokenCacheException">Not interactive, dismissed, or nobody answered.</exception>
    public async Task UnlockAsync(
        SecretServiceConnection connection, IReadOnlyList<string> objects, CancellationToken cancellationToken)
    {
        if (!_context.Interactive)
        {
            throw SecretServiceErrors.Locked();
        }

        var prompt = await connection.UnlockAsync(objects, cancellationToken).ConfigureAwait(false);
        await RunPromptAsync(connection, prompt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Unlocks the default collection after the service refused to write to it.</summary>
    public async Task UnlockDefaultCollectionAsync(
        SecretServiceConnection connection, KeyringLockedException refusal, CancellationToken cancellationToken)
    {
        if (!_context.Interactive)
        {
            throw SecretServiceErrors.Locked(refusal);
        }

        var collection = await connection.ReadDefaultCollectionAsync(cancellationToken).ConfigureAwait(false);
        if (collection == SecretServiceNames.NoObject)
        {
            throw SecretServiceErrors.NoDefaultCollection(refusal);
        }

        await UnlockAsync(connection, [collection], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a prompt the service asked for; "/" means none is needed.</summary>
    public async Task RunPromptAsync(
        SecretServiceConnection connection, string prompt, CancellationToken cancellationToken)
    {
        if (prompt == SecretServiceNames.NoObject)
        {
            return;
        }

        if (!_context.Interactive)
        {
            throw SecretServiceErrors.Locked();
        }

        _context.Log.Warning(
            "The keyring is locked; kubekey waits up to "
            + $"{_promptTimeout.TotalSeconds:0} seconds for you to unlock it in the keyring's password prompt.");
        bool completed;
        try
        {
            completed = await connection.RunPromptAsync(prompt, _promptTimeout, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw SecretServiceErrors.UnlockTimedOut(_promptTimeout, e);
        }

        if (!completed)
        {
            throw SecretServiceErrors.UnlockDismissed();
        }
    }
}
