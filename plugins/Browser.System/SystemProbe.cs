using KubeKey.Abstractions;

namespace KubeKey.Browser.System;

/// <summary>The real machine, seen through kubekey's plugin context.</summary>
internal sealed class SystemProbe : ISystemProbe
{
    private readonly IPluginContext _context;

    public SystemProbe(IPluginContext context)
    {
        _context = context;
    }

    public bool IsWindows => OperatingSystem.IsWindows();

    public bool IsMacOS => OperatingSystem.IsMacOS();

    public string? GetEnvironmentVariable(string name) => _context.GetEnvironmentVariable(name);

    public string? GetSetting(string name) => _context.GetSetting(name);

    public string? ReadSystemFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
