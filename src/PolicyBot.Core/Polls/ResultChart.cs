using ScottPlot;

namespace PolicyBot.Core.Polls;

/// <summary>A horizontal bar chart of a poll's counts as PNG bytes (ScottPlot renders with the machine's fonts through SkiaSharp).</summary>
public static class ResultChart
{
    public const string ContentType = "image/png";
    private const int Width = 800;
    private const int LabelLength = 40;

    public static byte[] RenderPng(Poll poll, PollTally tally)
    {
        var plot = new Plot();
        var count = poll.Options.Length;

        // Option 1 at the top: ScottPlot's y axis grows upwards, so positions run backwards.
        var bars = poll.Options.Select((_, index) => new Bar
        {
            Position = count - index,
            Value = tally.Counts[index],
            Label = tally.Counts[index].ToString(System.Globalization.CultureInfo.InvariantCulture),
            FillColor = Colors.SteelBlue,
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;

        var ticks = poll.Options.Select((label, index) => new Tick(count - index, $"{index + 1}. {Shorten(label)}")).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.05, top: 0.05);
        plot.Title(Shorten(poll.Question, 70));
        plot.XLabel(poll.IsMultipleChoice ? "Voters choosing this option" : "Votes");
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);

        var height = 160 + (count * 40);
        return plot.GetImageBytes(Width, height, ImageFormat.Png);
    }

    private static string Shorten(string text, int max = LabelLength) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
