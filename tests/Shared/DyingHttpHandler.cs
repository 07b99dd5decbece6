namespace PolicyBot.Tests.Shared;

/// <summary>A process's HTTP: once the process has died (its <see cref="InterruptibleConnections"/>), nothing leaves it.</summary>
public sealed class DyingHttpHandler(InterruptibleConnections life) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        life.Died ? throw new HttpRequestException("The process was killed.") : base.SendAsync(request, cancellationToken);
}
