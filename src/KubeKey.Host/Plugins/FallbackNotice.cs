using System.Text;
using Serilog;

namespace KubeKey.Host.Plugins;

/// <summary>
/// Tells the person, once, that the automatic choice fell back from the OS keyring to another
/// cache, so tokens are not where they might expect. A marker file in the cache folder records
/// that it was said: kubectl runs kubekey for every request, and a note on each would be noise.
/// </summary>
/// <remarks>
/// The marker is removed when the first choice works again, so a later fall-back is told too.
/// It is created exclusively, so of several kubectl runs at once only one says it.
/// </remarks>
internal sealed class FallbackNotice
{
    /// <summary>The marker's file name in the cache folder.</summary>
    public const string MarkerName = "cache-fallback-noted";

    private readonly string _marker;
    private readonly string _folder;
    private readonly TextWriter _stderr;
    private readonly ILogger _log;

    public FallbackNotice(string cacheDirectory, TextWriter stderr, ILogger log)
    {
        _folder = cacheDirectory;
        _marker = Path.Combine(cacheDirectory, MarkerName);
        _stderr = stderr;
        _log = log;
    }

    /// <summary>Says the note when <paramref name="selection"/> fell back and it was not said yet.</summary>
    public void Apply(CacheSelection selection)
    {
        if (!selection.FellBack)
        {
            if (!selection.Explicit && selection.PassedOver.Count == 0)
            {
                Forget();
            }

            return;
        }

        var preferred = selection.PassedOver.First(p => p.Installed).Name;
        if (!Remember(preferred, selection.Name))
        {
            return;
        }

        _stderr.WriteLine(
            $"kubekey: note: the {preferred} token cache cannot work here, so kubekey caches tokens with "
            + $"{selection.Name} instead; run 'kubekey doctor' to see why, or set KUBEKEY_CACHE to choose. "
            + "This note is shown once.");
    }

    /// <returns>Whether this run should say the note: false when it was said before.</returns>
    private bool Remember(string preferred, string chosen)
    {
        try
        {
            CreateFolder();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var marker = new FileStream(_marker, options);
            marker.Write(Encoding.UTF8.GetBytes($"{preferred} -> {chosen}\n"));
            return true;
        }
        catch (IOException) when (File.Exists(_marker))
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Better to say it again next time than never.
            _log.Debug("Cannot record the cache fall-back note in {Marker}: {Reason}", _marker, e.Message);
            return true;
        }
    }

    private void Forget()
    {
        try
        {
            if (File.Exists(_marker))
            {
                File.Delete(_marker);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Debug("Cannot remove {Marker}: {Reason}", _marker, e.Message);
        }
    }

    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_folder);
        }
        else
        {
            Directory.CreateDirectory(
                _folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
