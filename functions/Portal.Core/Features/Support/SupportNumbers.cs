namespace Portal.Core.Features.Support;

/// <summary>Human-readable request numbers (SR-000123) from one company-wide counter row, like order numbers.</summary>
public static class SupportNumbers
{
    public static string Format(long value) => $"SR-{value:D6}";
}
