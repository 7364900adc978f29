namespace IdentityModel;

// NuGet refuses a package with neither content nor dependencies.
internal static class Placeholder;
