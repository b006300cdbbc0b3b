using System.Diagnostics;
using System.Text.Json;

namespace AutoMLPlatform.Bench.Torch;

/// <summary>Runs <c>pytorch_small_cnn.py</c> (Debian's python3-torch) on the same data, network and batch size, for its training throughput.</summary>
internal static class PyTorchBench
{
    public static async Task<double?> SamplesPerSecondAsync(string trainZip, double seconds, int threads, bool flip)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "pytorch_small_cnn.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, trainZip, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", $"{threads}", "--batch", "64" })
        {
            start.ArgumentList.Add(argument);
        }

        if (flip)
        {
            start.ArgumentList.Add("--flip");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"pytorch run failed ({process.ExitCode}): {error.Trim()}");
            return null;
        }

        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var samplesPerSecond = json.RootElement.GetProperty("train_samples_per_s").GetDouble();
        Console.Error.WriteLine($"  pytorch ({json.RootElement.GetProperty("tool").GetString()}): {samplesPerSecond:F0} samples/s");
        return samplesPerSecond;
    }
}
