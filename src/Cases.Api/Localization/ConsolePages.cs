namespace Cases.Api.Localization;

/// <summary>
/// The texts of the web console (Resources/Localization/ConsolePages.*.resx): navigation, labels, the names of the
/// API's values, and the refusals of its rules, in English, Russian and Kazakh.
/// </summary>
public sealed class ConsolePages;
