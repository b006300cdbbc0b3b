using System.Reflection;
using AutoMLPlatform.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMLPlatform.Jobs.Tests.Retraining;

/// <summary>
/// The real model registry with a hook that runs before every call of a named method: a test's way to make something
/// happen at an exact point of a run (a cancel while the run is judged).
/// </summary>
public class RegistryTap : DispatchProxy
{
    private IModelRegistry _inner = null!;
    private string _method = "";
    private Func<IServiceProvider, Task> _before = null!;
    private IServiceProvider _services = null!;

    /// <summary>Replaces the registry registered in <paramref name="services"/> with a tapped one.</summary>
    public static void Install(IServiceCollection services, string method, Func<IServiceProvider, Task> before)
    {
        var original = services.Last(d => d.ServiceType == typeof(IModelRegistry));
        services.Remove(original);
        services.AddSingleton(sp =>
        {
            var inner = (IModelRegistry)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
            var tapped = Create<IModelRegistry, RegistryTap>();
            var tap = (RegistryTap)(object)tapped;
            (tap._inner, tap._method, tap._before, tap._services) = (inner, method, before, sp);
            return tapped;
        });
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == _method)
        {
            _before(_services).GetAwaiter().GetResult();
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
