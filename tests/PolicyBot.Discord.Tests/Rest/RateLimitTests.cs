using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.Discord.Rest;

namespace PolicyBot.Discord.Tests.Rest;

/// <summary>Bucket, route, global-limit and invalid-request rules, on a fake clock.</summary>
public sealed class RateLimitTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Route_keeps_the_top_level_resource_and_templates_the_rest()
    {
        var a = DiscordRoute.Create(HttpMethod.Patch, "channels/111/messages/999");
        var b = DiscordRoute.Create(HttpMethod.Patch, "channels/222/messages/888");

        Assert.Equal("PATCH channels/{major}/messages/{id}", a.RouteKey);
        Assert.Equal(a.RouteKey, b.RouteKey);
        Assert.Equal(("111", "222"), (a.MajorParameter, b.MajorParameter));
        Assert.NotEqual(DiscordRoute.Create(HttpMethod.Post, "channels/111/messages").RouteKey, DiscordRoute.Create(HttpMethod.Delete, "channels/111/messages/5").RouteKey);
    }

    [Fact]
    public void Interaction_and_webhook_routes_skip_the_global_limit_and_hide_the_token()
    {
        var callback = DiscordRoute.Create(HttpMethod.Post, "interactions/42/secret-token/callback?with_response=true");
        var followUp = DiscordRoute.Create(HttpMethod.Patch, "webhooks/7/secret-token/messages/@original");

        Assert.False(callback.CountsTowardsGlobalLimit);
        Assert.False(followUp.CountsTowardsGlobalLimit);
        Assert.True(DiscordRoute.Create(HttpMethod.Post, "channels/1/messages").CountsTowardsGlobalLimit);
        Assert.DoesNotContain("secret-token", callback.RouteKey + callback.MajorParameter + followUp.RouteKey + followUp.MajorParameter);
    }

    [Fact]
    public async Task Empty_bucket_waits_for_its_reset()
    {
        var bucket = new RateLimitBucket(_time);
        bucket.Update(Headers(limit: 5, remaining: 0, resetAfter: 2.5));

        var acquire = bucket.AcquireAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(2.4));
        Assert.False(acquire.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        (await acquire.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        Assert.Equal(4, bucket.Remaining);
    }

    [Fact]
    public async Task Bucket_with_requests_left_does_not_wait_and_counts_down()
    {
        var bucket = new RateLimitBucket(_time);
        bucket.Update(Headers(limit: 5, remaining: 2, resetAfter: 10));

        (await bucket.AcquireAsync(CancellationToken.None)).Dispose();
        (await bucket.AcquireAsync(CancellationToken.None)).Dispose();
        var third = bucket.AcquireAsync(CancellationToken.None).AsTask();

        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(10));
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_bucket_serves_one_request_at_a_time()
    {
        var bucket = new RateLimitBucket(_time);
        var first = await bucket.AcquireAsync(CancellationToken.None);
        var second = bucket.AcquireAsync(CancellationToken.None).AsTask();

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public void Routes_with_the_same_bucket_hash_share_a_bucket_per_resource()
    {
        var registry = new RateLimitRegistry(_time);
        var post = DiscordRoute.Create(HttpMethod.Post, "channels/1/messages");
        var patch = DiscordRoute.Create(HttpMethod.Patch, "channels/1/messages/9");
        var otherChannel = DiscordRoute.Create(HttpMethod.Post, "channels/2/messages");

        var shared = registry.Learn(post, "hash-abc", registry.GetBucket(post));
        registry.Learn(patch, "hash-abc", registry.GetBucket(patch));

        Assert.Same(shared, registry.GetBucket(post));
        Assert.Same(shared, registry.GetBucket(patch));
        Assert.NotSame(shared, registry.GetBucket(otherChannel));
    }

    [Fact]
    public async Task Idle_buckets_are_forgotten_so_one_off_interaction_routes_do_not_pile_up()
    {
        var registry = new RateLimitRegistry(_time);
        var route = DiscordRoute.Create(HttpMethod.Post, "interactions/1/token/callback");
        (await registry.GetBucket(route).AcquireAsync(CancellationToken.None)).Dispose();

        _time.Advance(RateLimitRegistry.IdleExpiry + TimeSpan.FromSeconds(1));
        registry.Sweep();

        Assert.Equal(0, registry.BucketCount);
    }

    [Fact]
    public async Task Global_limit_allows_fifty_per_second()
    {
        var global = new GlobalRateLimiter(_time);
        for (var i = 0; i < 50; i++)
        {
            await global.WaitAsync(CancellationToken.None);
        }

        var fiftyFirst = global.WaitAsync(CancellationToken.None).AsTask();
        Assert.False(fiftyFirst.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Global_429_pauses_every_request()
    {
        var global = new GlobalRateLimiter(_time);
        global.PauseFor(TimeSpan.FromSeconds(3));

        var next = global.WaitAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Invalid_request_guard_stops_after_a_401_and_near_the_ban_threshold()
    {
        var guard = new InvalidRequestGuard(_time, budget: 3);
        guard.Record(429, "shared"); // not counted by Discord
        guard.Record(403, null);
        guard.Record(429, "user");
        guard.EnsureMaySend();
        guard.Record(404, null); // not an invalid request in Discord's sense
        guard.Record(403, null);

        Assert.Throws<DiscordRestException>(guard.EnsureMaySend);
        _time.Advance(TimeSpan.FromMinutes(10));
        guard.EnsureMaySend();

        guard.Record(401, null);
        var refused = Assert.Throws<DiscordRestException>(guard.EnsureMaySend);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    private static HttpResponseHeaders Headers(int limit, int remaining, double resetAfter)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response.Headers;
    }
}
