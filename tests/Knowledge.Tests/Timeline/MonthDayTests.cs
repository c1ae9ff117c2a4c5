using Kuril.Knowledge.Timeline;

namespace Kuril.Knowledge.Tests;

public sealed class MonthDayTests
{
    [Theory]
    [InlineData("08-18", 8, 18)]
    [InlineData("02-29", 2, 29)]
    [InlineData("12-31", 12, 31)]
    [InlineData("01-01", 1, 1)]
    [InlineData(" 9-2 ", 9, 2)]
    public void Parses_real_calendar_days(string text, int month, int day)
    {
        Assert.True(MonthDay.TryParse(text, out var value, out var error));
        Assert.Null(error);
        Assert.Equal(new MonthDay(month, day), value);
    }

    [Theory]
    [InlineData("02-30", "February has no day 30")]
    [InlineData("04-31", "April has no day 31")]
    [InlineData("13-01", "no month 13")]
    [InlineData("00-10", "no month 0")]
    [InlineData("tomorrow-ish", "expected MM-DD")]
    [InlineData("2024-08-18", "expected MM-DD")]
    [InlineData("", "expected MM-DD")]
    [InlineData(null, "expected MM-DD")]
    public void Rejects_what_is_not_a_calendar_day_with_a_clear_message(string? text, string reason)
    {
        Assert.False(MonthDay.TryParse(text, out _, out var error));
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_throws_a_format_exception_that_says_why() =>
        Assert.Contains("February has no day 30", Assert.Throws<FormatException>(() => MonthDay.Parse("02-30")).Message, StringComparison.Ordinal);

    [Fact]
    public void Prints_as_month_and_day() => Assert.Equal("02-07", new MonthDay(2, 7).ToString());

    [Fact]
    public void Has_no_29_February_in_a_common_year()
    {
        Assert.Null(new MonthDay(2, 29).InYear(2027));
        Assert.Equal(new DateOnly(2028, 2, 29), new MonthDay(2, 29).InYear(2028));
    }
}
