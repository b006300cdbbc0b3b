namespace AutoMLPlatform.Torch.Tests.Native;

/// <summary>libLibTorchSharp.so as TorchSharp ships it, copied beside the tests by the project file.</summary>
internal static class PristineLibrary
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "pristine", "libLibTorchSharp.so");

    /// <summary>A fresh copy at <paramref name="destination"/>, so a test may patch it.</summary>
    public static string CopyTo(string destination)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
        File.Delete(destination);
        File.Copy(Path, destination);
        return destination;
    }
}
