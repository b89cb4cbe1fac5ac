using System.Net;
using KubeKey.Abstractions;
using Serilog;

namespace KubeKey.Host.Login;

/// <summary>
/// Renders the page the browser shows when the login ends, through the templates plugin, and
/// falls back to a plain page of its own when that plugin cannot be loaded or fails.
/// </summary>
internal sealed class LoginPages
{
    private readonly Func<ITemplateRenderer?> _renderer;
    private readonly string _issuer;
    private readonly string? _clusterServer;
    private readonly ILogger _log;

    public LoginPages(Func<ITemplateRenderer?> renderer, string issuer, string? clusterServer, ILogger log)
    {
        _renderer = renderer;
        _issuer = issuer;
        _clusterServer = clusterServer;
        _log = log;
    }

    public LoopbackResponse Success(IdTokenClaims claims) =>
        LoopbackResponse.Page(200, Render(TemplatePage.Success, new()
        {
            Name = claims.Name,
            Email = claims.Email,
            PreferredUsername = claims.PreferredUsername,
            Picture = claims.Picture,
            Issuer = _issuer,
            ExpiresAt = claims.ExpiresAt,
            ClusterServer = _clusterServer,
        }));

    public LoopbackResponse Failure(string error, string? description) =>
        LoopbackResponse.Page(400, Render(TemplatePage.Failure, new()
        {
            Issuer = _issuer,
            Error = error,
            ErrorDescription = description,
            ClusterServer = _clusterServer,
        }));

    private string Render(TemplatePage page, TemplateModel model)
    {
        try
        {
            if (_renderer() is { } renderer)
            {
                return renderer.Render(page, model);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A page that cannot be rendered must not turn a good login into a failed one.
            _log.Warning("The login page could not be rendered ({Reason}); showing a plain one", e.Message);
        }

        return Plain(page, model);
    }

    private static string Plain(TemplatePage page, TemplateModel model)
    {
        var text = page == TemplatePage.Success
            ? $"You are logged in to {model.Issuer}. You can close this window."
            : $"The login failed: {model.Error} {model.ErrorDescription}";
        return "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>kubekey</title>"
            + $"<p>{WebUtility.HtmlEncode(text)}</p></html>";
    }
}
