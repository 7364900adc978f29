namespace Cases.Domain.Cases;

/// <summary>Human case numbers, unique per organisation and year of receipt: <c>2021-0007</c>.</summary>
public static class CaseNumber
{
    public static string Format(int year, int sequence) => $"{year:D4}-{sequence:D4}";
}
