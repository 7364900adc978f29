namespace Cases.Projections; public static class Placeholder;
