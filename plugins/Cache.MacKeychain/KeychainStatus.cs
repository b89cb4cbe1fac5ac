namespace KubeKey.Cache.MacKeychain;

/// <summary>The OSStatus codes of Security.framework that kubekey tells apart.</summary>
internal static class KeychainStatus
{
    public const int Success = 0;
    public const int UserCanceled = -128;
    public const int NotAvailable = -25291;
    public const int ReadOnly = -25292;
    public const int AuthFailed = -25293;
    public const int NoSuchKeychain = -25294;
    public const int DuplicateItem = -25299;
    public const int ItemNotFound = -25300;
    public const int InteractionNotAllowed = -25308;
}
