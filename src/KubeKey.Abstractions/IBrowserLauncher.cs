namespace KubeKey.Abstractions;

/// <summary>Opens a URL in the person's browser (the <c>browser</c> slot).</summary>
public interface IBrowserLauncher
{
    /// <summary>
    /// Asks the system to show <paramref name="url"/>. Returns once the request is handed over;
    /// it does not wait for the page. Output of any program it starts goes to stderr, never stdout.
    /// </summary>
    /// <returns>
    /// <see langword="false"/> when no browser could be started; kubekey then relies on the URL it
    /// printed on stderr. Never throws for a missing browser.
    /// </returns>
    ValueTask<bool> OpenAsync(Uri url, CancellationToken cancellationToken);
}
