namespace KubeKey.Core.Errors;

/// <summary>Bad settings: a config file, an environment variable or a flag.</summary>
public sealed class ConfigurationException : KubeKeyException
{
    private ConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public override int ExitCode => 2;

    public static ConfigurationException MalformedJson(string file, long line, string detail, Exception inner) =>
        new($"The config file '{file}' is not valid JSON at line {line}: {detail} Fix the file or remove it.", inner);

    public static ConfigurationException Unreadable(string file, string reason, Exception inner) =>
        new($"The config file '{file}' cannot be read: {reason} Check its permissions or unset KUBEKEY_CONFIG.", inner);

    public static ConfigurationException MissingFile(string file) =>
        new($"The config file '{file}' named by KUBEKEY_CONFIG does not exist. Create it or unset KUBEKEY_CONFIG.");

    public static ConfigurationException MissingIssuer() =>
        new("No OIDC issuer is configured. Pass --oidc-issuer-url, set IDP_ISSUER_URL in the kubeconfig's "
            + "exec.env, or set \"issuerUrl\" in config.json.");

    public static ConfigurationException MissingClientId() =>
        new("No OIDC client id is configured. Pass --oidc-client-id, set CLIENT_ID in the kubeconfig's "
            + "exec.env, or set \"clientId\" in config.json.");

    public static ConfigurationException InvalidIssuer(string issuer, string reason) =>
        new($"The issuer URL '{issuer}' {reason} Use an absolute https URL such as "
            + "https://login.example.com/realms/k8s (plain http only for 127.0.0.1 or localhost).");

    public static ConfigurationException InvalidValue(string setting, string value, string expected) =>
        new($"The setting {setting} has the value '{value}', but {expected}.");

    public static ConfigurationException InvalidPair(string setting, string value) =>
        new($"The setting {setting} has the value '{value}', but it must be written key=value.");

    public static ConfigurationException CertificateAuthorityMissing(string file) =>
        new($"The CA file '{file}' named in certificateAuthorities does not exist. Fix the path, or "
            + "remove it from --certificate-authority, KUBEKEY_CERTIFICATE_AUTHORITY or config.json.");

    public static ConfigurationException CertificateAuthorityUnreadable(
        string file, string reason, Exception inner) =>
        new($"The CA file '{file}' named in certificateAuthorities cannot be read: {reason} Check its "
            + "permissions, or remove it from the setting.", inner);

    public static ConfigurationException CertificateAuthorityFileInvalid(
        string file, Exception? inner = null) =>
        new($"The CA file '{file}' named in certificateAuthorities holds no PEM certificate. Give a file "
            + "with -----BEGIN CERTIFICATE----- blocks, or remove it from the setting.", inner);

    public static ConfigurationException CertificateAuthorityDataNotBase64(
        int position, string start, Exception inner) =>
        new($"Entry {position} of certificateAuthorityData (starting '{start}') is not valid base64. Give the "
            + "base64 encoding of a PEM file, as kubeconfig's certificate-authority-data does.", inner);

    public static ConfigurationException CertificateAuthorityDataInvalid(
        int position, string start, Exception? inner = null) =>
        new($"Entry {position} of certificateAuthorityData (starting '{start}') holds no PEM certificate. "
            + "Give the base64 encoding of a file with -----BEGIN CERTIFICATE----- blocks.", inner);
}
