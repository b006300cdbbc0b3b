using System.Globalization;

namespace AutoMLPlatform.TestSupport;

/// <summary>
/// A process's resident memory as Linux reports it (<c>/proc/PID/status</c>): now (<c>VmRSS</c>) and at its peak
/// (<c>VmHWM</c>), which <see cref="ResetPeak"/> sets back to the current size, so a test can measure the peak of one
/// stretch of work in a server that runs in its own process.
/// </summary>
public sealed class ProcessMemory(int processId)
{
    /// <summary>Resident bytes now.</summary>
    public long Resident => Read("VmRSS:");

    /// <summary>The most resident bytes since start or the last <see cref="ResetPeak"/>.</summary>
    public long Peak => Read("VmHWM:");

    /// <summary>Sets the peak back to the current resident size (writes 5 to <c>/proc/PID/clear_refs</c>).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{processId}/clear_refs", "5");

    private long Read(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no {field}");
    }
}
