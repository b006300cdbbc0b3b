using System.Globalization;

namespace AutoMLPlatform.Console.Tests;

/// <summary>Numbers as the console shows them (<c>ui.js</c> <c>fmt</c>): whole numbers plain, others with four decimals.</summary>
public static class ConsoleNumbers
{
    public static string AsShown(double value) =>
        value == Math.Floor(value) ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("F4", CultureInfo.InvariantCulture);
}
