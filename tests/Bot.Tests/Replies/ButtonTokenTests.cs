using System.Text;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Tests.Replies;

public sealed class ButtonTokenTests
{
    [Theory]
    [InlineData(ButtonAction.More, 1L, 0)]
    [InlineData(ButtonAction.Context, long.MaxValue, 3)]
    [InlineData(ButtonAction.Helpful, 42L, 0)]
    [InlineData(ButtonAction.NotHelpful, 7L, 0)]
    public void A_token_reads_back_as_written_and_fits_both_platforms(ButtonAction action, long id, int index)
    {
        var text = new ButtonToken(action, id, index).ToString();

        Assert.True(ButtonToken.TryParse(text, out var token));
        Assert.Equal(new ButtonToken(action, id, index), token);
        Assert.True(Encoding.UTF8.GetByteCount(text) <= 64);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kuril:")]
    [InlineData("kuril:x1")]
    [InlineData("kuril:m")]
    [InlineData("kuril:m-1")]
    [InlineData("kuril:c5")]
    [InlineData("other:m1")]
    [InlineData("kuril:m99999999999999999999999")]
    public void Anything_else_is_refused(string text) => Assert.False(ButtonToken.TryParse(text, out _));
}
