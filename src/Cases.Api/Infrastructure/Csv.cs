namespace Cases.Api.Infrastructure;

/// <summary>CSV fields as RFC 4180 quotes them, made safe to open in a spreadsheet.</summary>
public static class Csv
{
    /// <summary>
    /// Quoted when needed; text a spreadsheet would run as a formula gets a leading quote (OWASP's CSV injection
    /// advice: a value starting with =, +, -, @, a tab or a carriage return).
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
