using System.Globalization;
using System.Xml.Linq;

namespace Cases.Api.Statistics;

/// <summary>A named row of values of a chart, one for each category (a month, an organisation); null where there is none.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// Charts drawn as plain SVG, the same for the chart endpoint and the console's pages: presentation attributes only
/// (no style attribute, no script, so that a page's Content-Security-Policy lets them be), a &lt;title&gt; and a
/// &lt;desc&gt; a screen reader reads, and legends laid out in rows that wrap within the chart's width.
/// </summary>
public static class SvgChart
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Colours told apart by people with any common colour blindness, each at least 4.5:1 on white.</summary>
    public static readonly string[] Palette = ["#0b4f8a", "#a94c00", "#1b7837", "#6a3d9a"];

    private const string Font = "system-ui, 'DejaVu Sans', 'Noto Sans', sans-serif";
    private const string Ink = "#111111";
    private const string Muted = "#4a4a4a";
    private const string Grid = "#d0d0d0";
    private const double TitleSize = 16;
    private const double TextSize = 12;
    private const double Margin = 12;

    /// <summary>
    /// Bars: for each category a group of one bar per series, on a count axis from zero with whole-number ticks, each bar
    /// with its value above it where there is room for it, and its category, series and value as its own title.
    /// </summary>
    public static XElement Bars(string id, string title, string description, string axisTitle, IReadOnlyList<string> categories,
        IReadOnlyList<ChartSeries> series, int width, int height, bool showTitle = true)
    {
        var (chart, top) = Frame(id, title, description, width, height, showTitle,
            series.Select((s, i) => Swatch(s.Name, Palette[i % Palette.Length], SwatchKind.Bar)).ToList());
        var max = series.SelectMany(s => s.Values).Max(v => v ?? 0);
        var (step, ceiling) = Ticks(max);
        var labelRows = Math.Min(3, categories.Select(c => Wrap(c, (width - 80.0) / Math.Max(1, categories.Count) - 4, TextSize).Count).DefaultIfEmpty(1).Max());
        var plot = new Plot(Left: 56, Top: top + 8, Right: width - Margin, Bottom: height - 28 - labelRows * (TextSize + 2));
        chart.Add(Text(axisTitle, Margin, top, TextSize, Muted, "start"));
        for (var tick = 0m; tick <= ceiling; tick += step)
        {
            var y = plot.Y(tick, ceiling);
            chart.Add(Line(plot.Left, y, plot.Right, y, tick == 0 ? Ink : Grid));
            chart.Add(Text(Number(tick), plot.Left - 6, y + 4, TextSize, Ink, "end"));
        }
        var group = plot.Width / Math.Max(1, categories.Count);
        var bar = Math.Min(40, group * 0.8 / Math.Max(1, series.Count));
        var every = Every(categories, group);
        for (var c = 0; c < categories.Count; c++)
        {
            var left = plot.Left + c * group + (group - bar * series.Count) / 2;
            for (var s = 0; s < series.Count; s++)
            {
                if (series[s].Values[c] is not { } value) continue;
                var x = left + s * bar;
                var y = plot.Y(value, ceiling);
                chart.Add(new XElement(Svg + "rect", Attr("x", x + 1), Attr("y", y), Attr("width", Math.Max(1, bar - 2)),
                    Attr("height", Math.Max(0, plot.Bottom - y)), new XAttribute("fill", Palette[s % Palette.Length]),
                    new XElement(Svg + "title", $"{categories[c]} · {series[s].Name}: {Number(value)}")));
                var label = Number(value);
                if (Width(label, 11) <= bar + 4) chart.Add(Text(label, x + bar / 2, y - 3, 11, Ink, "middle"));
            }
            if (c % every != 0) continue;
            var lines = Wrap(categories[c], group * every - 4, TextSize).Take(labelRows).ToList();
            for (var l = 0; l < lines.Count; l++)
            {
                chart.Add(Text(lines[l], plot.Left + c * group + group / 2, plot.Bottom + 16 + l * (TextSize + 2), TextSize, Ink, "middle"));
            }
        }
        return chart;
    }

    /// <summary>
    /// Bars lying down, for categories with long names (organisations): a row for each category, its name on the left
    /// on up to two lines, a bar per series with its value at its end; the chart is as tall as its rows need.
    /// </summary>
    public static XElement RowBars(string id, string title, string description, string axisTitle, IReadOnlyList<string> categories,
        IReadOnlyList<ChartSeries> series, int width, bool showTitle = true)
    {
        const double bar = 9;
        const double names = 230;
        var band = Math.Max(2 * (TextSize + 2), series.Count * bar) + 12;
        var (chart, top) = Frame(id, title, description, width, 0, showTitle,
            series.Select((s, i) => Swatch(s.Name, Palette[i % Palette.Length], SwatchKind.Bar)).ToList());
        // As tall as the title, the legend and the rows need, known once the legend is laid out.
        var height = (int)Math.Ceiling(top + 8 + categories.Count * band + 46);
        chart.SetAttributeValue("height", height);
        chart.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        chart.Element(Svg + "rect")!.SetAttributeValue("height", height);
        var max = series.SelectMany(s => s.Values).Max(v => v ?? 0);
        var (step, ceiling) = Ticks(max);
        var plot = new Plot(Left: Margin + names, Top: top + 8, Right: width - Margin - 30, Bottom: top + 8 + categories.Count * band);
        double X(decimal value) => plot.Left + (double)(ceiling == 0 ? 0 : value / ceiling) * plot.Width;
        chart.Add(Text(axisTitle, plot.Right, plot.Bottom + 34, TextSize, Muted, "end"));
        for (var tick = 0m; tick <= ceiling; tick += step)
        {
            chart.Add(Line(X(tick), plot.Top, X(tick), plot.Bottom, tick == 0 ? Ink : Grid));
            chart.Add(Text(Number(tick), X(tick), plot.Bottom + 16, TextSize, Ink, "middle"));
        }
        for (var c = 0; c < categories.Count; c++)
        {
            var rowTop = plot.Top + c * band + 6;
            var lines = Wrap(categories[c], names - 12, TextSize).Take(2).ToList();
            var middle = rowTop + (band - 12) / 2;
            for (var l = 0; l < lines.Count; l++)
            {
                chart.Add(Text(lines[l], plot.Left - 8, middle + 4 + (l - (lines.Count - 1) / 2.0) * (TextSize + 2), TextSize, Ink, "end"));
            }
            var barsTop = middle - series.Count * bar / 2;
            for (var s = 0; s < series.Count; s++)
            {
                if (series[s].Values[c] is not { } value) continue;
                var y = barsTop + s * bar;
                chart.Add(new XElement(Svg + "rect", Attr("x", plot.Left), Attr("y", y + 0.5), Attr("width", X(value) - plot.Left),
                    Attr("height", bar - 1), new XAttribute("fill", Palette[s % Palette.Length]),
                    new XElement(Svg + "title", $"{categories[c]} · {series[s].Name}: {Number(value)}")));
                chart.Add(Text(Number(value), X(value) + 4, y + bar - 1, 10, Ink, "start"));
            }
        }
        return chart;
    }

    /// <summary>
    /// A rate: a percentage axis from 0 to 100, a line through the categories that have a rate (broken where one has
    /// none), each point labelled with its value, and the whole period's rate as a dashed line when there is one.
    /// </summary>
    public static XElement Rate(string id, string title, string description, string axisTitle, IReadOnlyList<string> categories,
        ChartSeries rate, decimal? overall, string? overallName, int width, int height, bool showTitle = true)
    {
        var swatches = new List<XElement> { Swatch(rate.Name, Palette[0], SwatchKind.Line) };
        if (overall is not null && overallName is not null) swatches.Add(Swatch(overallName, Muted, SwatchKind.Dashed));
        var (chart, top) = Frame(id, title, description, width, height, showTitle, swatches);
        // Room above 100% for the label of a point there.
        var plot = new Plot(Left: 56, Top: top + 22, Right: width - Margin, Bottom: height - 28);
        chart.Add(Text(axisTitle, Margin, top, TextSize, Muted, "start"));
        for (var tick = 0m; tick <= 100; tick += 25)
        {
            var y = plot.Y(tick, 100);
            chart.Add(Line(plot.Left, y, plot.Right, y, tick == 0 ? Ink : Grid));
            chart.Add(Text($"{Number(tick)}%", plot.Left - 6, y + 4, TextSize, Ink, "end"));
        }
        var step = plot.Width / Math.Max(1, categories.Count);
        double X(int c) => plot.Left + c * step + step / 2;
        var every = Every(categories, step);
        for (var c = 0; c < categories.Count; c += every)
        {
            chart.Add(Text(Wrap(categories[c], step * every - 4, TextSize)[0], X(c), plot.Bottom + 16, TextSize, Ink, "middle"));
        }
        if (overall is { } whole)
        {
            var y = plot.Y(whole, 100);
            chart.Add(new XElement(Svg + "path", new XAttribute("d", $"M{F(plot.Left)} {F(y)}H{F(plot.Right)}"), new XAttribute("stroke", Muted),
                new XAttribute("stroke-width", "2"), new XAttribute("stroke-dasharray", "6 4"), new XAttribute("fill", "none"),
                new XElement(Svg + "title", $"{overallName}")));
        }
        // One polyline for each run of consecutive categories with a rate: a gap is no rate, not a rate of zero.
        var run = new List<string>();
        void EndRun()
        {
            if (run.Count > 1)
            {
                chart.Add(new XElement(Svg + "polyline", new XAttribute("points", string.Join(' ', run)), new XAttribute("fill", "none"),
                    new XAttribute("stroke", Palette[0]), new XAttribute("stroke-width", "2.5")));
            }
            run.Clear();
        }
        for (var c = 0; c < categories.Count; c++)
        {
            if (rate.Values[c] is not { } value)
            {
                EndRun();
                continue;
            }
            var (x, y) = (X(c), plot.Y(value, 100));
            run.Add($"{F(x)},{F(y)}");
            chart.Add(new XElement(Svg + "circle", Attr("cx", x), Attr("cy", y), new XAttribute("r", "4.5"), new XAttribute("fill", Palette[0]),
                new XElement(Svg + "title", $"{categories[c]} · {rate.Name}: {Number(value)}%")));
            if (Width($"{Number(value)}%", 11) > step + 8) continue;
            // Above the point, unless the period's line runs there: then below it.
            var crossed = overall is { } line && plot.Y(line, 100) is var lineY && lineY < y && lineY > y - 18;
            chart.Add(Text($"{Number(value)}%", x, crossed ? y + 18 : y - 9, 11, Ink, "middle", bold: true));
        }
        EndRun();
        return chart;
    }

    /// <summary>Several charts one under the other, as one SVG document.</summary>
    public static XDocument Document(string title, int width, params XElement[] charts)
    {
        var root = new XElement(Svg + "svg", new XAttribute("width", width), new XAttribute("viewBox", $"0 0 {width} {charts.Sum(Height)}"),
            new XAttribute("role", "img"), new XElement(Svg + "title", title));
        var y = 0;
        foreach (var chart in charts)
        {
            chart.SetAttributeValue("y", y);
            y += Height(chart);
            root.Add(chart);
        }
        root.SetAttributeValue("height", y);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>The chart written into a page or a document: no declaration, no indentation.</summary>
    public static string Markup(XElement chart) => chart.ToString(SaveOptions.DisableFormatting);

    private static int Height(XElement chart) => int.Parse(chart.Attribute("height")!.Value, CultureInfo.InvariantCulture);

    private sealed record Plot(double Left, double Top, double Right, double Bottom)
    {
        public double Width => Right - Left;

        public double Y(decimal value, decimal ceiling) => Bottom - (double)(ceiling == 0 ? 0 : value / ceiling) * (Bottom - Top);
    }

    /// <summary>The chart's frame: its title and desc, its visible title, and the legend's rows; answers where the plot may begin.</summary>
    private static (XElement Chart, double Top) Frame(string id, string title, string description, int width, int height, bool showTitle,
        IReadOnlyList<XElement> swatches)
    {
        var chart = new XElement(Svg + "svg", new XAttribute("id", id), new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"), new XAttribute("font-family", Font),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), description),
            new XElement(Svg + "rect", new XAttribute("width", width), new XAttribute("height", height), new XAttribute("fill", "#ffffff")));
        var y = Margin;
        if (showTitle)
        {
            foreach (var line in Wrap(title, width - 2 * Margin, TitleSize))
            {
                y += TitleSize + 2;
                chart.Add(Text(line, Margin, y, TitleSize, Ink, "start", bold: true));
            }
            y += 8;
        }
        // The legend wraps to a new row before an entry would cross the right edge.
        var x = Margin;
        y += TextSize + 2;
        foreach (var swatch in swatches)
        {
            var entry = 16 + Width((string)swatch.Attribute("data-label")!, TextSize) + 20;
            if (x > Margin && x + entry > width - Margin)
            {
                x = Margin;
                y += TextSize + 10;
            }
            swatch.Attribute("data-label")!.Remove();
            swatch.SetAttributeValue("transform", $"translate({F(x)} {F(y)})");
            chart.Add(swatch);
            x += entry;
        }
        return (chart, y + TextSize + 14);
    }

    private enum SwatchKind { Bar, Line, Dashed }

    private static XElement Swatch(string label, string colour, SwatchKind kind) => new(Svg + "g", new XAttribute("data-label", label),
        kind switch
        {
            SwatchKind.Bar => new XElement(Svg + "rect", new XAttribute("x", "0"), new XAttribute("y", "-10"), new XAttribute("width", "12"),
                new XAttribute("height", "12"), new XAttribute("fill", colour)),
            SwatchKind.Line => new XElement(Svg + "g",
                new XElement(Svg + "path", new XAttribute("d", "M0 -4H12"), new XAttribute("stroke", colour), new XAttribute("stroke-width", "2.5")),
                new XElement(Svg + "circle", new XAttribute("cx", "6"), new XAttribute("cy", "-4"), new XAttribute("r", "3.5"), new XAttribute("fill", colour))),
            _ => new XElement(Svg + "path", new XAttribute("d", "M0 -4H12"), new XAttribute("stroke", colour), new XAttribute("stroke-width", "2"),
                new XAttribute("stroke-dasharray", "4 2"))
        },
        Text(label, 16, 0, TextSize, Ink, "start"));

    private static XElement Text(string text, double x, double y, double size, string colour, string anchor, bool bold = false) =>
        new(Svg + "text", Attr("x", x), Attr("y", y), new XAttribute("font-size", F(size)), new XAttribute("fill", colour),
            new XAttribute("text-anchor", anchor), bold ? new XAttribute("font-weight", "bold") : null, text);

    private static XElement Line(double x1, double y1, double x2, double y2, string colour) =>
        new(Svg + "path", new XAttribute("d", $"M{F(x1)} {F(y1)}L{F(x2)} {F(y2)}"), new XAttribute("stroke", colour), new XAttribute("stroke-width", "1"));

    /// <summary>A step of 1, 2 or 5 times a power of ten giving at most five ticks above zero, and the top tick.</summary>
    private static (decimal Step, decimal Ceiling) Ticks(decimal max)
    {
        if (max <= 0) return (1, 1);
        var step = 1m;
        while (max / step > 5) step = step.ToString(CultureInfo.InvariantCulture)[0] switch { '1' => step * 2, '2' => step * 2.5m, _ => step * 2 };
        return (step, Math.Ceiling(max / step) * step);
    }

    /// <summary>Every how many categories a label is written, so that labels never run into one another.</summary>
    private static int Every(IReadOnlyList<string> categories, double room)
    {
        var widest = categories.Select(c => Math.Min(Width(c, TextSize), 120)).DefaultIfEmpty(0).Max() + 8;
        return Math.Max(1, (int)Math.Ceiling(widest / Math.Max(1, room)));
    }

    /// <summary>A text cut into lines no wider than <paramref name="room"/>, at spaces; a word longer than the room is cut short.</summary>
    private static List<string> Wrap(string text, double room, double size)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && Width(candidate, size) > room)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        lines.Add(line);
        return lines.Select(l => Width(l, size) <= room ? l : Shortened(l, room, size)).ToList();
    }

    private static string Shortened(string text, double room, double size)
    {
        var kept = text;
        while (kept.Length > 1 && Width(kept + "…", size) > room) kept = kept[..^1];
        return kept + "…";
    }

    /// <summary>A generous estimate of the width a text takes in a sans-serif font: wide enough for Cyrillic capitals.</summary>
    private static double Width(string text, double size) => text.Sum(c => char.IsUpper(c) || c is 'ш' or 'щ' or 'ж' or 'м' or 'ю' or 'ы' or 'm' or 'w' ? 0.78 : char.IsDigit(c) ? 0.6 : 0.56) * size;

    private static XAttribute Attr(string name, double value) => new(name, F(value));

    private static string F(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
