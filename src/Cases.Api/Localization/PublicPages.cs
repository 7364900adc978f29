namespace Cases.Api.Localization;

/// <summary>
/// The texts of the public reporting pages (Resources/Localization/PublicPages.*.resx): labels, hints, validation
/// messages and refusals, in English, Russian and Kazakh.
/// </summary>
public sealed class PublicPages;
