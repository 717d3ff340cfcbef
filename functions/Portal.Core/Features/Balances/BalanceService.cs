using System.Globalization;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared;
using Portal.Core.Shared.Http;
using Portal.Core.Shared.Tables;

namespace Portal.Core.Features.Balances;

/// <summary>
/// The ledger's read side: the three balance reports and the staff overview. The balance is one point read; a statement
/// is the same point read (its monthly checkpoints give the opening balance) plus one range query over the period's
/// movements, however many years of history the counterparty has.
/// </summary>
public sealed class BalanceService(LedgerStore store, SettingsStore settings, AccountService accounts, TimeProvider clock)
{
    /// <summary>Staff name a counterparty by id: an unknown one is a 404, not an empty balance.</summary>
    public async Task<CounterpartyScope> RequireCounterpartyAsync(Caller staff, string counterpartyId, CancellationToken cancellationToken)
    {
        await accounts.GetCounterpartyAsync(counterpartyId, cancellationToken);
        return staff.ScopeFor(counterpartyId);
    }

    public const int ChartMonths = 12;
    public const int MaxStatementDays = 3_660;

    public async Task<CustomerBalanceView> GetBalanceAsync(CounterpartyScope scope, CancellationToken cancellationToken)
    {
        var rowTask = store.ReadAsync<BalanceEntity>(scope.CounterpartyId, LedgerKeys.Balance, cancellationToken);
        var currency = (await settings.GetAsync(cancellationToken)).Currency;
        var row = await rowTask;
        var balance = LedgerRows.State(row);
        var today = Today();
        var figures = LedgerMath.Figures(balance, today);
        Money M(decimal amount) => new(amount, currency);
        return new CustomerBalanceView(today, M(figures.DueTotal), M(figures.Overdue), M(figures.NotYetDue), M(figures.Advances), M(figures.Net),
            figures.OldestOpenDue, balance.OpenByDue.Select(o => new DueAmountView(o.Key, M(o.Value), o.Key < today)).ToList(),
            LedgerMath.MonthEnds(balance, today, ChartMonths).Select(m => new BalanceMonthView(m.Month, M(m.Closing))).ToList(), row?.UpdatedAt);
    }

    public async Task<ListPage<OrderBalanceView>> ListOrdersAsync(CounterpartyScope scope, string? continuation, int? pageSize, CancellationToken cancellationToken)
    {
        var currency = (await settings.GetAsync(cancellationToken)).Currency;
        return await store.PageAsync<OrderBalanceEntity, OrderBalanceView>(scope.CounterpartyId, LedgerKeys.OrderPrefix, continuation, pageSize, o =>
        {
            var totals = new OrderTotals { Invoiced = Money.Read(o.Invoiced), Credited = Money.Read(o.Credited) };
            return new OrderBalanceView(o.OrderNumber, new Money(totals.Invoiced, currency), new Money(totals.Credited, currency), new Money(totals.Due, currency),
                new Money(totals.Advance, currency));
        }, cancellationToken);
    }

    /// <summary>
    /// The statement of account for [from, to] (this month when not given). The opening balance is the net at the end of the
    /// month before <paramref name="from"/>'s month, from the balance row's monthly checkpoints, plus that month's movements
    /// before <paramref name="from"/>.
    /// </summary>
    public async Task<StatementView> GetStatementAsync(CounterpartyScope scope, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var (start, end) = Period(from, to);
        var monthStart = new DateOnly(start.Year, start.Month, 1);
        var rowTask = store.ReadAsync<BalanceEntity>(scope.CounterpartyId, LedgerKeys.Balance, cancellationToken);
        var movementsTask = store.RangeAsync<MovementEntity>(scope.CounterpartyId, LedgerKeys.MovementsFrom(monthStart), LedgerKeys.MovementsFrom(end.AddDays(1)),
            cancellationToken);
        var currency = (await settings.GetAsync(cancellationToken)).Currency;
        var balance = LedgerRows.State(await rowTask);
        var movements = await movementsTask;
        Money M(decimal amount) => new(amount, currency);

        var opening = balance.NetBefore(BalanceState.MonthOf(start));
        var lines = new List<StatementLineView>();
        decimal debit = 0m, credit = 0m;
        var running = 0m;
        foreach (var m in movements)
        {
            var date = DateOnly.FromDateTime(m.Date);
            var (d, c) = (Money.Read(m.Debit), Money.Read(m.Credit));
            if (date < start)
            {
                opening += d - c;
                continue;
            }
            if (lines.Count == 0)
            {
                running = opening;
            }
            running += d - c;
            debit += d;
            credit += c;
            lines.Add(new StatementLineView(m.EntryId, Enum.Parse<LedgerKind>(m.Kind), m.Number, date, m.DueDate is { } due ? DateOnly.FromDateTime(due) : null,
                M(d), M(c), M(running), m.DocumentType, m.DocumentId, m.InvoiceNumber, m.OrderNumber));
        }
        return new StatementView(start, end, Side(opening, M), lines, M(debit), M(credit), Side(opening + debit - credit, M));
    }

    /// <summary>The statement as CSV for Excel: opening line, movements, closing line.</summary>
    public async Task<(byte[] Content, string FileName)> ExportStatementAsync(CounterpartyScope scope, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var statement = await GetStatementAsync(scope, from, to, cancellationToken);
        static string A(Money m) => Money.Store(m.Amount);
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string?>>
        {
            new[] { D(statement.From), "Opening balance", "", "", "", A(statement.Opening.Net), statement.Opening.Net.Currency },
        };
        rows.AddRange(statement.Lines.Select(l => (IReadOnlyList<string?>)
            [D(l.Date), Words(l.Kind), l.Number, l.Debit.Amount == 0 ? "" : A(l.Debit), l.Credit.Amount == 0 ? "" : A(l.Credit), A(l.Balance), l.Balance.Currency]));
        rows.Add([D(statement.To), "Closing balance", "", A(statement.TotalDebit), A(statement.TotalCredit), A(statement.Closing.Net), statement.Closing.Net.Currency]);
        return (Csv.Write(["Date", "Document", "Number", "Debit", "Credit", "Balance", "Currency"], rows),
            $"statement-{D(statement.From)}-{D(statement.To)}.csv");
    }

    /// <summary>Every counterparty's balance for staff, those with the oldest open amounts (the overdue) first; one range query per page.</summary>
    public async Task<ListPage<CounterpartyBalanceView>> ListAllAsync(string? continuation, int? pageSize, CancellationToken cancellationToken)
    {
        var currency = (await settings.GetAsync(cancellationToken)).Currency;
        var today = Today();
        return await store.PageAsync<SummaryEntity, CounterpartyBalanceView>(LedgerKeys.SummaryPartition, LedgerKeys.ListPrefix, continuation, pageSize, s =>
        {
            var state = new BalanceState { AdvancePool = Money.Read(s.AdvancePool) };
            foreach (var open in JsonColumn.Read<DueAmount>(s.OpenByDue))
            {
                state.OpenByDue[open.DueDate] = open.Amount;
            }
            var figures = LedgerMath.Figures(state, today);
            Money M(decimal amount) => new(amount, currency);
            return new CounterpartyBalanceView(s.CounterpartyId, s.Name, M(figures.DueTotal), M(figures.Overdue), M(figures.NotYetDue), M(figures.Advances),
                M(Money.Read(s.Net)), figures.OldestOpenDue, s.UpdatedAt);
        }, cancellationToken);
    }

    private (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to)
    {
        var today = Today();
        foreach (var (name, date) in new[] { ("from", from), ("to", to) })
        {
            if (date is { Year: < 2000 or > 2100 })
            {
                throw Problems.Validation(name, "Enter a date between 2000 and 2100.");
            }
        }
        var start = from ?? new DateOnly((to ?? today).Year, (to ?? today).Month, 1);
        var end = to ?? (from is null ? today : new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1));
        var errors = new ValidationErrors();
        if (end < start)
        {
            errors.Add("to", "The period ends before it starts.");
        }
        else if (end.DayNumber - start.DayNumber > MaxStatementDays)
        {
            errors.Add("to", "Ask for at most ten years at a time.");
        }
        errors.ThrowIfAny();
        return (start, end);
    }

    private static StatementSideView Side(decimal net, Func<decimal, Money> money) =>
        new(money(Math.Max(0m, net)), money(Math.Max(0m, -net)), money(net));

    private static string Words(LedgerKind kind) => kind switch
    {
        LedgerKind.Invoice => "Invoice",
        LedgerKind.CreditNote => "Credit note",
        LedgerKind.Payment => "Payment",
        _ => "Refund",
    };

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
