namespace KubeKey.Host.Login;

/// <summary>One request the browser sent to the login listener.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Target">The request target exactly as sent: path and query, still percent-encoded.</param>
internal sealed record LoopbackRequest(string Method, string Target)
{
    /// <summary>The path part of <see cref="Target"/>.</summary>
    public string Path => Target.Split('?', 2)[0];
}
