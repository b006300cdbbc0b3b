namespace AutoMLPlatform.Jobs.Leasing;

/// <summary>How a worker process names itself on the parts it claims: enough to find its log on a cluster.</summary>
internal static class WorkerIdentity
{
    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
