namespace Cases.Domain; public static class Placeholder;
