using System.Globalization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>What the sanctions and employees pages share: the form a refused command came from, shown again as sent.</summary>
public abstract partial class ConsolePageModel
{
    /// <summary>What the user sent in a field of <paramref name="action"/>'s form, when the API refused it; else nothing.</summary>
    public string? Resent(string action, string field) =>
        RefusedAction == action && Request.HasFormContentType ? Request.Form[field].ToString() : null;

    /// <summary>Whether a checkbox of <paramref name="action"/>'s refused form was ticked.</summary>
    public bool Reticked(string action, string field) => Resent(action, field) == "true";

    /// <summary>A number in the invariant form the API's paths and queries take.</summary>
    public static string InvariantNumber(long value) => value.ToString(CultureInfo.InvariantCulture);
}
