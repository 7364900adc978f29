using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Cases.Api.Infrastructure;

/// <summary>Collects field errors of a request body; JSON names them as clients send them (camelCase).</summary>
public sealed partial class FieldErrors
{
    public const int ShortText = 200;
    public const int LongText = 10_000;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public FieldErrors Text(string field, string? value, int maxLength = ShortText, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, "Required.") : this;
        }
        if (value.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        // Long texts keep their line breaks and tabs; nothing else invisible goes into an immutable event.
        if (value.Any(c => char.IsControl(c) && (maxLength <= ShortText || c is not ('\n' or '\r' or '\t'))))
        {
            Add(field, "Must not contain control characters.");
        }
        return this;
    }

    /// <summary>A list of short texts: at most <paramref name="maxCount"/> items, each one checked.</summary>
    public FieldErrors Texts(string field, IReadOnlyList<string?> items, int maxCount, int minCount = 0,
        int maxLength = ShortText) =>
        Items(field, items, minCount, maxCount, (name, item) => Text(name, item, maxLength));

    public FieldErrors PersonnelNumbers(string field, IReadOnlyList<string?> items, int maxCount, int minCount = 0) =>
        Items(field, items, minCount, maxCount, (name, item) => PersonnelNumber(name, item));

    private FieldErrors Items(string field, IReadOnlyList<string?> items, int minCount, int maxCount,
        Func<string, string?, FieldErrors> check)
    {
        if (items.Count < minCount || items.Count > maxCount)
        {
            return Add(field, minCount > 0 ? $"Between {minCount} and {maxCount} items." : $"At most {maxCount} items.");
        }
        for (var i = 0; i < items.Count; i++) check($"{field}[{i}]", items[i]);
        return this;
    }

    public FieldErrors PersonnelNumber(string field, string? value, bool required = true) =>
        value is not null && !PersonnelNumberPattern().IsMatch(value.Trim())
            ? Add(field, "A personnel number is 1 to 32 letters, digits, '-', '/' or '.'.")
            : Text(field, value, 32, required);

    /// <summary>An e-mail address alone (no name, no brackets), at most 254 characters, as a mail server takes it.</summary>
    public FieldErrors Email(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value)) return Text(field, value, 254, required);
        var address = value.Trim();
        return address.Length > 254 || !EmailPattern().IsMatch(address)
               || !MimeKit.MailboxAddress.TryParse(address, out var mailbox) || mailbox.Address != address
            ? Add(field, "An e-mail address, such as name@example.kz.")
            : this;
    }

    public FieldErrors NotInFuture(string field, DateOnly? date, DateOnly today) =>
        date > today ? Add(field, $"Must not be after today ({today:yyyy-MM-dd}).") : this;

    /// <summary>A due date no further than ten years ahead: a typo, not a plan, and beyond it date arithmetic overflows.</summary>
    public FieldErrors WithinTenYears(string field, DateOnly? date, DateOnly today) =>
        date > today.AddYears(10) ? Add(field, $"Must not be after {today.AddYears(10):yyyy-MM-dd}.") : this;

    public FieldErrors Positive(string field, long version) =>
        version < 1 ? Add(field, "Must be 1 or more.") : this;

    public FieldErrors OneOf<T>(string field, string? value) where T : struct, Enum =>
        value is not null && KebabEnum.Parse<T>(value) is null
            ? Add(field, KebabEnum.Expected(typeof(T)))
            : this;

    /// <summary>A period of a report: <c>from</c> and <c>to</c> both given, in 2000 to 2100, <c>from</c> not after <c>to</c>.</summary>
    public FieldErrors Period(DateOnly? from, DateOnly? to) => this
        .When(from is null, "from", "Required.")
        .When(to is null, "to", "Required.")
        .When(from?.Year is < 2000 or > 2100, "from", "Between 2000 and 2100.")
        .When(to?.Year is < 2000 or > 2100, "to", "Between 2000 and 2100.")
        .When(from > to, "from", "Must not be after to.");

    public FieldErrors When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public bool Any => _errors.Count > 0;

    public ProblemDetails ToProblem() => Any
        ? Problems.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
        : WolverineContinue.NoProblems;

    [GeneratedRegex(@"^[^@\s\p{C}<>()\[\],;:""\\]+@[^@\s\p{C}<>()\[\],;:""\\.]+(\.[^@\s\p{C}<>()\[\],;:""\\.]+)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}\-/.]{0,31}$")]
    private static partial Regex PersonnelNumberPattern();
}
