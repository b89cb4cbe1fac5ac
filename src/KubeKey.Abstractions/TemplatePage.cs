namespace KubeKey.Abstractions;

/// <summary>Which page to render.</summary>
public enum TemplatePage
{
    /// <summary>The login worked (the original kubekey's <c>html_ok.tmpl</c>).</summary>
    Success,

    /// <summary>The login failed (the original kubekey's <c>html_fail.tmpl</c>).</summary>
    Failure,
}
