namespace Cases.Api.Infrastructure;

/// <summary>CSV fields as RFC 4180 quotes them, made safe to open in a spreadsheet.</summary>
public static class Csv
{
    /// <summary>Quoted when needed; text a spreadsheet would run as a formula gets a leading quote.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
