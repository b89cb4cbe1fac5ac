namespace KubeKey.Cache.WindowsCredMan;

/// <summary>The Win32 error codes the Credential Manager functions document.</summary>
internal static class Win32Error
{
    public const int Success = 0;
    public const int AccessDenied = 5;
    public const int InvalidParameter = 87;
    public const int InvalidFlags = 1004;
    public const int NotFound = 1168;
    public const int NoSuchLogonSession = 1312;
    public const int BadUserName = 2202;
}
