using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Chat;
using PolicyBot.Core.Commands;
using PolicyBot.Core.Polls;
using PolicyBot.Core.Scheduling;

namespace PolicyBot.Core.Tests.Polls;

public sealed class PollWiringTests
{
    [Fact]
    public void AddPolls_registers_every_command_the_sink_and_the_close_handler_with_satisfiable_constructors()
    {
        var services = new ServiceCollection();
        services.AddCommandCore();
        services.AddPolls();

        // What the storage and reminders features provide.
        services.AddSingleton(Moq.Mock.Of<IPollStore>());
        services.AddSingleton(Moq.Mock.Of<IDueJobStore>());
        services.AddSingleton(Moq.Mock.Of<IDeliveryLog>());

        var registered = services.Select(d => d.ServiceType).ToHashSet();
        var handlers = services.Where(d => d.ServiceType == typeof(ICommandHandler)).Select(d => d.ImplementationType!.Name).ToArray();
        Assert.Equal(
            new[] { "ClosePollCommand", "ExportPollCommand", "PollCommand", "PollsCommand", "ResultsCommand", "UnvoteCommand", "VoteCommand" },
            handlers.Where(h => h != nameof(HelpCommand)).Order());
        Assert.Contains(services, d => d.ServiceType == typeof(IPostedMessageSink) && d.ImplementationType == typeof(PollCardMessageSink));
        Assert.Contains(services, d => d.ServiceType == typeof(IDueJobHandler) && d.ImplementationType == typeof(PollCloseJobHandler));

        foreach (var type in services.Select(d => d.ImplementationType).OfType<Type>().Where(t => t.Namespace?.StartsWith("PolicyBot.Core.Polls", StringComparison.Ordinal) == true))
        {
            var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).First();
            foreach (var parameter in constructor.GetParameters())
            {
                var wanted = parameter.ParameterType;
                var provided = registered.Contains(wanted)
                    || (wanted.IsGenericType && wanted.GetGenericTypeDefinition() is var open
                        && (open == typeof(IEnumerable<>) || open == typeof(ILogger<>) || open == typeof(IOptions<>)));
                Assert.True(provided, $"{type.Name} needs {wanted.Name}, which nothing registers.");
            }
        }
    }

    [Fact]
    public void The_poll_commands_fit_in_one_catalog_with_help()
    {
        using var harness = new PollHarness();

        var catalog = new CommandCatalog([harness.Poll, harness.Vote, harness.Unvote, harness.Results, harness.Close, harness.List, harness.Export,
            new HelpCommand(new Moq.Mock<IServiceProvider>().Object, Options.Create(new CommandOptions()))]);

        Assert.Equal(8, catalog.Visible.Count());
        Assert.All(catalog.Commands, c => Assert.True(c.Summary.Length <= 100, c.Name));
    }
}
