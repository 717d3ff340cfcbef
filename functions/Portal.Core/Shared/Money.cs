using System.Globalization;

namespace Portal.Core.Shared;

/// <summary>
/// An amount in the company currency, as the API sends it. Amounts are <see cref="decimal"/> in code, never
/// floating point, and stored losslessly as invariant decimal strings (Table Storage has no decimal type, and a
/// double would turn 0.1 + 0.2 into 0.30000000000000004).
/// </summary>
public sealed record Money(decimal Amount, string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>The stored form of an amount: an invariant decimal string.</summary>
    public static string Store(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static decimal Read(string stored) => decimal.Parse(stored, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A line's total: unit price × quantity, rounded to cents half away from zero, as an invoice would.</summary>
    public static decimal LineTotal(decimal unitPrice, decimal quantity) => decimal.Round(unitPrice * quantity, 2, MidpointRounding.AwayFromZero);
}
