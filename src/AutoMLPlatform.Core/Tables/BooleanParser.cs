namespace AutoMLPlatform.Core.Tables;

/// <summary>Reads true/false, yes/no, t/f and y/n in any case.</summary>
public static class BooleanParser
{
    public static bool TryParse(string value, out bool result)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "t" or "y":
                result = true;
                return true;
            case "false" or "no" or "f" or "n":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }
}
