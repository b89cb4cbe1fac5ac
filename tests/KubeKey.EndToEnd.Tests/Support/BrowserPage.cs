using System.Text.Json.Serialization;

namespace KubeKey.EndToEnd.Tests.Support;

/// <summary>
/// What tests/e2e/browser.mjs saw at the end of a login: the page the redirect chain ended on (normally
/// the loopback callback's answer), or why it never got there.
/// </summary>
internal sealed record BrowserPage
{
    /// <summary>True when a final page was reached; false with <see cref="Error"/> set otherwise.</summary>
    [JsonPropertyName("ok")]
    public bool Ok { get; init; }

    /// <summary>Why the browser stopped short (timeout, a page that never loaded), or null.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The final URL, with the values of code, state and similar parameters replaced by ***.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The HTTP status of the final page.</summary>
    [JsonPropertyName("status")]
    public int? Status { get; init; }

    /// <summary>The final page's response headers, names in lower case.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The final page's body exactly as served (so escaping can be checked).</summary>
    [JsonPropertyName("html")]
    public string? Html { get; init; }

    /// <summary>The text the page showed (<c>document.body.innerText</c>).</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Requests to anywhere but loopback, which the browser blocked, with the page that made them.</summary>
    [JsonPropertyName("blockedRequests")]
    public IReadOnlyList<BlockedRequest> BlockedRequests { get; init; } = [];

    /// <summary>A request the browser refused to send off the machine.</summary>
    /// <param name="Url">Where it would have gone (secret parameters masked).</param>
    /// <param name="From">The page that asked for it (secret parameters masked).</param>
    internal sealed record BlockedRequest(
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("from")] string From);
}
