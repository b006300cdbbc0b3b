using AutoMLPlatform.Torch.Native;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Torch.Tests.Native;

public class TorchNativeTests
{
    /// <summary>Debian 12's libstdc++ as the library sees it: every version it needs except GLIBCXX_3.4.32.</summary>
    private static readonly IReadOnlySet<string> OldLibStdCxx = ElfVersions.ReadNeeds(ElfImage.Parse(File.ReadAllBytes(PristineLibrary.Path)))
        .Select(n => n.Name).Where(n => n != "GLIBCXX_3.4.32").ToHashSet();

    [Test]
    public void An_application_copy_is_patched_when_libstdcxx_lacks_a_version_and_the_NuGet_style_source_is_untouched()
    {
        using var app = new TempDirectory();
        var library = PristineLibrary.CopyTo(Path.Combine(app.Path, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));

        var report = TorchNative.Prepare(app.Path, () => ("/usr/lib/libstdc++.so.6", OldLibStdCxx));

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(NativePatchOutcome.Patched));
            Assert.That(report.MissingVersions, Is.EqualTo(new[] { "GLIBCXX_3.4.32" }));
            Assert.That(File.ReadAllBytes(library), Is.Not.EqualTo(File.ReadAllBytes(PristineLibrary.Path)));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(library)!), Is.EqualTo(new[] { library }), "no temporary file is left behind");
        });
    }

    [Test]
    public void Preparing_twice_patches_once()
    {
        using var app = new TempDirectory();
        PristineLibrary.CopyTo(Path.Combine(app.Path, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        TorchNative.Prepare(app.Path, () => ("/usr/lib/libstdc++.so.6", OldLibStdCxx));

        var second = TorchNative.Prepare(app.Path, () => ("/usr/lib/libstdc++.so.6", OldLibStdCxx));

        Assert.That(second.Outcome, Is.EqualTo(NativePatchOutcome.AlreadyPatched));
    }

    [Test]
    public void Nothing_is_written_when_libstdcxx_has_every_version_the_library_needs()
    {
        using var app = new TempDirectory();
        var library = PristineLibrary.CopyTo(Path.Combine(app.Path, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        var everything = ElfVersions.ReadNeeds(ElfImage.Parse(File.ReadAllBytes(library))).Select(n => n.Name).ToHashSet();
        var before = File.GetLastWriteTimeUtc(library);

        var report = TorchNative.Prepare(app.Path, () => ("/usr/lib/libstdc++.so.6", everything));

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(NativePatchOutcome.NotNeeded));
            Assert.That(File.ReadAllBytes(library), Is.EqualTo(File.ReadAllBytes(PristineLibrary.Path)));
            Assert.That(File.GetLastWriteTimeUtc(library), Is.EqualTo(before));
        });
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_patched_copy_keeps_the_file_mode_of_the_original()
    {
        using var app = new TempDirectory();
        var library = PristineLibrary.CopyTo(Path.Combine(app.Path, "libLibTorchSharp.so"));
        File.SetUnixFileMode(library, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);

        TorchNative.Prepare(app.Path, () => ("/usr/lib/libstdc++.so.6", OldLibStdCxx));

        Assert.That(File.GetUnixFileMode(library), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead));
    }

    [Test]
    public void An_application_without_the_library_is_left_alone()
    {
        using var app = new TempDirectory();

        var report = TorchNative.Prepare(app.Path, () => throw new AssertionException("libstdc++ need not be probed"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(NativePatchOutcome.NotNeeded));
            Assert.That(report.LibraryPath, Is.Null);
        });
    }
}
