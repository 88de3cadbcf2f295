namespace Baoku.Tests.Support.Web;

/// <summary>
/// A tool the web tests need is not installed. The tests fail with this (they are not skipped), and the message says
/// what is missing and that tests/run-all.sh installs it.
/// </summary>
public sealed class MissingToolException(string message) : Exception(message)
{
    public static MissingToolException For(string tool, string expectedAt, string installedAs) =>
        new($"{tool} is not installed (looked for {expectedAt}). tests/run-all.sh installs it ({installedAs}); run `bash tests/run-all.sh` once, then the tests again.");
}
