using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PolicyBot.ConsoleAdapter;
using PolicyBot.Hosting;
using PolicyBot.Tests.ConsoleAdapter;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Tests;

/// <summary>
/// The probe's hostile inputs, one row each, typed on the console of one real host (SQLite, fake clock). Every row must get
/// its precise answer; none may reach the generic "Sorry, something went wrong", log an error, or put a control character
/// on the terminal. A new finding is a new row.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class HostileInputTests(HostileInputTests.Host host) : IClassFixture<HostileInputTests.Host>
{
    public static TheoryData<string, string> Inputs => new()
    {
        // Extreme values (issue 24, failure 3).
        { "!remind in 9999999d x", "That is more than 5 years ahead" },
        { "!remind in 999999999999999999999 s x", "That is more than 5 years ahead" },
        { "!remind 9999-12-31T23:59 America/Los_Angeles x", "That is more than 5 years ahead" },
        { "!remind 0001-01-01T00:00 Asia/Tokyo x", "0001-01-01 has already passed" },
        { "!poll Q? | a | b --closes 9999-12-31 23:59 America/Los_Angeles", "A poll can stay open for at most 366 days" },
        { "!poll Q? | a | b --closes 99999999999999999999d", "A poll can stay open for at most 366 days" },
        { "!remind 9999-12-31T23:59-08:00 x", "That is more than 5 years ahead" },
        { "!remind every \"0 0 29 2 1\" x", "That is more than 5 years ahead" },

        // Bad input that was silently misread (failure 4).
        { "!remind tomorrow 25:00 call", "`25:00` is not a time: hours go from 0 to 23." },
        { "!remind tomorrow 9:60 call", "`9:60` is not a time: minutes go from 00 to 59." },
        { "!remind fri 13pm call", "`13pm` is not a time: with am or pm the hour goes from 1 to 12." },
        { "!remind every day 24:00 call", "`24:00` is not a time: hours go from 0 to 23." },
        { "!poll Q? | a | b --closes 2027-01-01 10:00 Mars/Olympus", "I don't know the time zone `Mars/Olympus`" },
        { "!poll Q? | a | b --closes 2027-01-01 10:00 mars/olympus", "I don't know the time zone `mars/olympus`" },
        { "!poll Q? | a | b --closes 30s", "less than a minute away; a poll stays open at least a minute" },
        { "!remind 2027-01-01T10:00 Mars/Olympus launch", "I don't know the time zone `Mars/Olympus`" },
        { "!remind 2026-02-30T09:00 x", "`2026-02-30` is not a real date." },
        { "!remind in 0s x", "`in` needs a duration longer than zero" },

        // Look-alike and control characters (failure 5).
        { "!poll Q? | yes | \u200B", "Option 2 has only invisible characters" },
        { "!poll Q? | yes | ye\u200Bs", "The option `yes` appears twice" },
        { "!poll Q? | ｙｅｓ | yes", "appears twice" },
        { "!poll Bell\u0007 ring? | a\0b | \u001B[31mred", "Poll #" },
        { "!poll \u202ERight to left? | a | b", "Right to left?" },
        { "!remind in 1h \u001B]0;owned\u0007\u001B[2J", "I'll remind you" },
        { "!remind in 1h \u202Egnp.exe", "gnp.exe" },
        { "!poll Q? | yes | \u3164", "Option 2 has only invisible characters" },
        { "!poll Q? | yes | \u2800", "Option 2 has only invisible characters" },

        // Numbers and names out of any range.
        { "!vote 99999999999999999999 1", "is not a poll number" },
        { "!results 9223372036854775807", "There is no poll #9223372036854775807 in this channel." },
        { "!cancel 99999999999999999999", "Which reminder? Give its number" },
        { "!poll Q? | a | b --multi=99999999999", "`--multi=` takes a number of choices from 1 to 20" },
        { "!timezone Mars/Olympus", "I don't know the time zone `Mars/Olympus`" },
        { "!timezone " + new string('z', 3000), "I don't know the time zone" },
        { "!poll preset \u0000\u200B", "There is no preset" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task A_hostile_input_gets_its_precise_answer_and_nothing_else(string input, string expected)
    {
        var (answer, errors) = await host.TypeAsync(input);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Sorry, something went wrong", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(answer, c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
        Assert.DoesNotContain("\u202E", answer, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    /// <summary>One bot on the console for the whole table; each row's answer is what it prints before a marker command.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly ScratchFolder _folder = new(ScratchFolder.EndToEndArea, SqliteConnection.ClearAllPools);
        private readonly ScriptedConsole _console = new();
        private readonly ErrorLog _errors = new();
        private IHost _host = null!;
        private int _rows;

        public async Task InitializeAsync()
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 25, 10, 0, 0, TimeSpan.Zero));
            _host = BotHost.Build(
                [$"--Storage:ConnectionString={_folder.Combine("bot.db")}", $"--Console:AttachmentsPath={_folder.Combine("attachments")}"],
                services =>
                {
                    services.AddSingleton<TimeProvider>(clock);
                    services.AddSingleton(new ConsoleIo(_console.Input, _console.Output));
                    services.AddSingleton<ILoggerProvider>(_errors);
                });
            await _host.StartAsync();
        }

        /// <summary>
        /// Types one line; returns what the bot printed for it and the errors logged meanwhile (a generic failure logs its
        /// stack trace as an error).
        /// </summary>
        public async Task<(string Answer, string[] Errors)> TypeAsync(string input)
        {
            var marker = $"zzrow{Interlocked.Increment(ref _rows)}";
            var start = _console.Text.Length;
            _errors.Lines.Clear();
            _console.Type(input);
            _console.Type("!" + marker);
            await _console.WaitForAsync($"`{marker}`");
            var printed = _console.Text[start..];
            return (printed[..printed.IndexOf($"`{marker}`", StringComparison.Ordinal)], [.. _errors.Lines]);
        }

        public async Task DisposeAsync()
        {
            try
            {
                _console.EndInput();
                await _host.WaitForShutdownAsync();
            }
            finally
            {
                _host.Dispose();
                _console.Dispose();
                _folder.Dispose();
            }
        }
    }

    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
