using KubeKey.Host.Login;

namespace KubeKey.Host.Tests.Login;

public sealed class SlowWaitNoticeTests
{
    [Fact]
    public void Start_DisposedBeforeTheDelay_WritesNothing()
    {
        using var stderr = new StringWriter();

        using (SlowWaitNotice.Start(stderr, "the keyring", TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)))
        {
        }

        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public async Task Start_WaitOutlastsTheDelay_SaysWhatItWaitsForOnce()
    {
        var stderr = new StringWriter();
        var written = new TaskCompletionSource();
        var probe = new NotifyingWriter(stderr, written);

        using (SlowWaitNotice.Start(probe, "the keyring", TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(10)))
        {
            await written.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(
            $"kubekey: waiting for the keyring (giving up after 20 s)…{Environment.NewLine}", stderr.ToString());
    }

    private sealed class NotifyingWriter(TextWriter inner, TaskCompletionSource written) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void WriteLine(string? value)
        {
            inner.WriteLine(value);
            written.TrySetResult();
        }
    }
}
