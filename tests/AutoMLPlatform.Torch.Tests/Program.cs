using AutoMLPlatform.Torch.Tests.Native;

namespace AutoMLPlatform.Torch.Tests;

/// <summary>
/// The test assembly's entry point. The test host never calls it; <see cref="NativeLoadingTests"/> runs this assembly
/// as a child process from a fresh copy of the build output to see TorchSharp load in a process of its own.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args is [TorchLoadCheck.Command] ? TorchLoadCheck.Run() : 2;
}
