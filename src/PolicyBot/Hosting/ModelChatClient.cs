using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using PolicyBot.Core.Knowledge.Generation;

namespace PolicyBot.Hosting;

/// <summary>
/// The <see cref="IChatClient"/> for <c>Knowledge:Generation</c>: Microsoft.Extensions.AI's client for OpenAI-compatible
/// chat completions (Ollama, vLLM, llama.cpp's server, OpenAI, Azure OpenAI's v1 endpoint). It never retries: a 429 or
/// an error must fall back to the extractive answer at once, not after the client's backoff. HTTP failures surface as
/// <see cref="HttpRequestException"/> with their status, which the core understands without knowing this client.
/// </summary>
public static class ModelChatClient
{
    // The answer's own timeout (a TimeProvider timer, so tests move it) comes first; this only stops a lost connection.
    private static readonly TimeSpan NetworkBackstop = TimeSpan.FromMinutes(2);

    public static IChatClient Create(GenerationOptions options, HttpClient? http = null)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!, UriKind.Absolute),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = NetworkBackstop,
            UserAgentApplicationId = "PolicyBot",
        };
        if (http is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(http);
        }

        // Servers without keys (a local Ollama) ignore the bearer token; the client needs one all the same.
        var credential = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey);
        return new StatusMappingChatClient(new OpenAIClient(credential, clientOptions).GetChatClient(options.Model).AsIChatClient());
    }

    private sealed class StatusMappingChatClient(IChatClient inner) : DelegatingChatClient(inner)
    {
        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            try
            {
                return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (ClientResultException ex)
            {
                throw Mapped(ex);
            }
        }

        public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (updates.ConfigureAwait(false))
            {
                while (true)
                {
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            yield break;
                        }
                    }
                    catch (ClientResultException ex)
                    {
                        throw Mapped(ex);
                    }

                    yield return updates.Current;
                }
            }
        }

        // The status only: the response body may echo the request, and nothing of it is needed to decide a fallback.
        private static HttpRequestException Mapped(ClientResultException ex) =>
            new($"The model endpoint answered HTTP {ex.Status}.", null, ex.Status > 0 ? (HttpStatusCode)ex.Status : null);
    }
}
