using Microsoft.Extensions.Options;
using Portal.Core.Features.Accounts;
using Portal.Core.Shared;

namespace Portal.Core.Tests.Features.Accounts;

public sealed class ClientThrottleTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock _clock = new();
    private readonly ClientThrottle _throttle;

    public ClientThrottleTests() =>
        _throttle = new ClientThrottle(Options.Create(new AuthOptions { MaxFailedSignInsPerClient = 5, ClientWindow = TimeSpan.FromMinutes(5) }), _clock);

    [Fact]
    public void A_client_is_blocked_after_the_limit_and_told_how_long_to_wait()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.False(_throttle.IsBlocked("198.51.100.7", out _));
            _throttle.RecordFailure("198.51.100.7");
            _clock.Now += TimeSpan.FromSeconds(10);
        }

        Assert.True(_throttle.IsBlocked("198.51.100.7", out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(50), retryAfter);
        Assert.False(_throttle.IsBlocked("198.51.100.8", out _));
    }

    [Fact]
    public void Failures_older_than_the_window_no_longer_count()
    {
        for (var i = 0; i < 5; i++)
        {
            _throttle.RecordFailure("198.51.100.9");
        }
        _clock.Now += TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);

        Assert.False(_throttle.IsBlocked("198.51.100.9", out _));
    }
}
