namespace KubeKey.Host.Login;

/// <summary>What the login listener answers a request with.</summary>
internal sealed record LoopbackResponse(int Status, string Reason, string? Html = null, Uri? Location = null)
{
    /// <summary>Runs once the response was written, or failed to be: the login ends only then.</summary>
    public Action? AfterWrite { get; init; }

    public static LoopbackResponse Page(int status, string html) =>
        new(status, status == 200 ? "OK" : status == 400 ? "Bad Request" : "Error", html);

    public static LoopbackResponse Redirect(Uri location) => new(302, "Found", Location: location);

    public static LoopbackResponse NotFound() => new(404, "Not Found", Plain("Not found."));

    public static LoopbackResponse NoContent() => new(204, "No Content");

    public static LoopbackResponse MethodNotAllowed() =>
        new(405, "Method Not Allowed", Plain("Only GET is served here."));

    public static LoopbackResponse MisdirectedRequest() =>
        new(421, "Misdirected Request", Plain("This address serves kubekey's login only under its own host name."));

    private static string Plain(string text) =>
        $"<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>kubekey</title><p>{text}</p></html>";
}
