namespace KubeKey.Browser.System;

/// <summary>The kind of desktop the browser is opened on; each has its own launchers.</summary>
internal enum BrowserPlatform
{
    /// <summary>Linux or another Unix with freedesktop.org tools (<c>$BROWSER</c>, <c>xdg-open</c>).</summary>
    Unix,

    /// <summary>Linux inside the Windows Subsystem for Linux: the browser lives on the Windows side.</summary>
    Wsl,

    /// <summary>macOS (<c>open</c>).</summary>
    MacOS,

    /// <summary>Windows (the shell's URL association).</summary>
    Windows,
}
