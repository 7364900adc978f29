namespace Cases.Api.WebConsole.Pages;

/// <summary>The case pages' forms: what the user entered, kept to show again when the API refuses it.</summary>
public abstract partial class ConsolePageModel
{
    /// <summary>The inputs of the form the user sent, by their ids (<c>{action}-{field}</c>).</summary>
    public IReadOnlyDictionary<string, string> Entered { get; private set; } = new Dictionary<string, string>();

    /// <summary>What the user entered in an input, else <paramref name="fallback"/>.</summary>
    public string Value(string id, string? fallback = null) => Entered.TryGetValue(id, out var value) ? value : fallback ?? "";

    /// <summary>Keeps the form's inputs; a form names each input by its id.</summary>
    protected void KeepEntered() => Entered = Request.Form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal))
        .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);

    /// <summary>An input's text, null when left empty (the API then takes its default).</summary>
    protected string? Given(string id) => string.IsNullOrWhiteSpace(Value(id)) ? null : Value(id).Trim();

    /// <summary>A list entered one item a line (or separated by commas).</summary>
    protected string[] Items(string id) =>
        Value(id).Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A number as entered: the API reads a number, or says what is wrong with the text.</summary>
    protected object? NumberIn(string id) => long.TryParse(Given(id), out var number) ? number : Given(id);

    /// <summary>The errors the API found in a field of the refused action's form, a list's items' with the list's.</summary>
    public IReadOnlyList<string> ErrorsIn(string action, string field) =>
        RefusedAction == action && Refusal?.Errors is { } errors
            ? errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)
                                || e.Key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase))
                .SelectMany(e => e.Value).ToList()
            : [];

    /// <summary>The id of the text of a field's errors, for <c>aria-describedby</c>, when the field has any.</summary>
    public string? ErrorsId(string action, string field) => ErrorsIn(action, field).Count > 0 ? $"{action}-{field}-errors" : null;

    /// <summary>A body for the API whose absent values are left out, so that the API takes its defaults.</summary>
    protected static Dictionary<string, object?> Body(params (string Name, object? Value)[] values) =>
        values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => v.Value);

    /// <summary>A text by its key, or the key itself where no text is written for it (an event kind new to the console).</summary>
    public string TextOr(string key, string fallback) => T[key] is { ResourceNotFound: false } text ? text.Value : fallback;
}
