using System.Text.RegularExpressions;

namespace AutoMLPlatform.Server.Tests.Readme;

/// <summary>A <c>```bash</c> block of the README and the heading (<c>##</c> or <c>###</c>) it stands under.</summary>
internal sealed partial record ReadmeBlock(string Heading, string Code)
{
    /// <summary>Every bash block of <paramref name="markdown"/>, in order.</summary>
    public static IReadOnlyList<ReadmeBlock> Parse(string markdown)
    {
        var blocks = new List<ReadmeBlock>();
        var heading = "";
        foreach (Match match in HeadingOrBlock().Matches(markdown.ReplaceLineEndings("\n")))
        {
            if (match.Groups["heading"].Success)
            {
                heading = match.Groups["heading"].Value.Trim();
            }
            else
            {
                blocks.Add(new ReadmeBlock(heading, match.Groups["code"].Value));
            }
        }

        return blocks;
    }

    [GeneratedRegex(@"^(?<heading>\#{2,3}\ [^\n]*)$|^```bash\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex HeadingOrBlock();
}
