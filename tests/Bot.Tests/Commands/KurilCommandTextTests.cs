using Kuril.Bot.Commands;

namespace Kuril.Bot.Tests.Commands;

public sealed class KurilCommandTextTests
{
    [Theory]
    [InlineData("/kuril ask When was Yalta?", "ask", "When was Yalta?")]
    [InlineData("  /KURIL   Islands   択捉島 ", "islands", "択捉島")]
    [InlineData("/kuril@KurilBot help", "help", "")]
    [InlineData("/kuril", "", "")]
    public void Reads_subcommand_and_arguments(string text, string subcommand, string arguments)
    {
        Assert.Equal((subcommand, arguments), KurilCommandText.Parse(text));
    }

    [Theory]
    [InlineData("/kurilx ask")]
    [InlineData("/start")]
    [InlineData("kuril ask")]
    public void Other_text_is_not_a_kuril_command(string text) => Assert.Null(KurilCommandText.Parse(text));
}
