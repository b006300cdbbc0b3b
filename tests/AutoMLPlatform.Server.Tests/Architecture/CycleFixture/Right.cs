namespace AutoMLPlatform.Server.Tests.Architecture.CycleFixture.Right;

/// <summary>The other half: uses <c>Left</c> only inside a lambda, which the compiler puts in a nested closure type.</summary>
internal static class RightSide
{
    public static List<Func<int>> Items() => [() => 1 + Left.LeftSide.Count() * 0];
}
