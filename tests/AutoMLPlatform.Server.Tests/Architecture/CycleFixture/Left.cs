namespace AutoMLPlatform.Server.Tests.Architecture.CycleFixture.Left;

/// <summary>Half of a cycle made on purpose for <see cref="NamespaceCycleTests"/>: uses <c>Right</c> only inside a method body.</summary>
internal static class LeftSide
{
    public static int Count() => Right.RightSide.Items().Count;
}
