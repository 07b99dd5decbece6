using PolicyBot.Core.Knowledge.Embedding;
using PolicyBot.Tests.Shared;

namespace PolicyBot.Core.Tests.Knowledge;

/// <summary>
/// The model mapped from a prepared file must read exactly as the model loaded from the package's bytes (answers must
/// not move), must fall back to the bytes where nothing can be written, and must shut down cleanly at any moment.
/// Tests about preparing the model prepare it in a folder of their own; the others use the prepared model that the
/// other tests and the bot share (preparing it costs seconds and 90 MB, and concurrent preparations are safe).
/// </summary>
public sealed class SentenceModelTests
{
    private static readonly string[] Texts = ["Should sanctions be lifted before North Korea gives up anything?", "How do I cook rice?"];

    private static string SharedModelFolder => SentenceModel.DefaultModelFolder;

    [Fact]
    public void A_mapped_model_encodes_exactly_as_the_model_loaded_into_memory()
    {
        using var folder = new ScratchFolder();
        using var inMemory = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: null);
        using var preparing = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: folder.Path);
        var expected = inMemory.Encode(Texts, asQuery: true, withWords: true, CancellationToken.None);
        var prepared = preparing.Encode(Texts, asQuery: true, withWords: true, CancellationToken.None);
        using var reusing = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: folder.Path);
        var reused = reusing.Encode(Texts, asQuery: true, withWords: true, CancellationToken.None);

        Assert.False(inMemory.IsMapped);
        Assert.True(preparing.IsMapped);
        Assert.True(reusing.IsMapped);
        Assert.Single(Directory.GetDirectories(folder.Path)); // prepared once, in place, no half-built folder left behind
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(expected[i].Vector, prepared[i].Vector);
            Assert.Equal(expected[i].Vector, reused[i].Vector);
            Assert.Equal(expected[i].Words, reused[i].Words);
            Assert.Equal(expected[i].WordVectors.SelectMany(v => v), reused[i].WordVectors.SelectMany(v => v));
        }
    }

    [Fact]
    public void Where_no_model_can_be_prepared_the_model_is_loaded_into_memory()
    {
        // A file where the folder should be: nothing can be created under it, as on a read-only file system.
        using var folder = new ScratchFolder();
        var blocked = folder.Combine("not-a-folder");
        File.WriteAllText(blocked, "");
        using var model = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: blocked);

        var encoded = model.Encode([Texts[0]], asQuery: true, withWords: false, CancellationToken.None);

        Assert.False(model.IsMapped);
        Assert.Equal(384, encoded[0].Vector.Length);
    }

    [Fact]
    public void Each_encode_is_reported_done_once_whatever_its_number_of_texts()
    {
        var done = 0;
        using var model = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: SharedModelFolder, inferenceDone: () => done++);
        model.EnsureLoaded(CancellationToken.None);
        Assert.Equal(0, done);

        model.Encode([Texts[0]], asQuery: true, withWords: true, CancellationToken.None);
        Assert.Equal(1, done);
        model.Encode(Texts, asQuery: false, withWords: false, CancellationToken.None);
        Assert.Equal(2, done);
    }

    [Fact]
    public async Task Disposing_during_the_load_waits_for_it_and_frees_the_model()
    {
        // A folder of its own: the load then prepares the model, its longest part, which Dispose must stop too.
        using var folder = new ScratchFolder();
        var model = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: folder.Path);
        var loading = Task.Run(() => model.EnsureLoaded(CancellationToken.None));
        await Task.Yield();

        model.Dispose();

        // The load either finished before Dispose began or stopped at its next step; nothing is left running.
        var outcome = await Record.ExceptionAsync(() => loading);
        Assert.True(outcome is null or ObjectDisposedException, $"unexpected {outcome}");
        Assert.Throws<ObjectDisposedException>(() => model.Encode([Texts[0]], asQuery: true, withWords: false, CancellationToken.None));
        model.Dispose(); // twice is harmless
    }

    [Fact]
    public async Task A_cancelled_load_can_be_retried()
    {
        using var model = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: SharedModelFolder);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.ThrowsAny<OperationCanceledException>(() => model.EnsureLoaded(cancelled.Token));

        Assert.Equal(384, model.Encode([Texts[1]], asQuery: true, withWords: false, CancellationToken.None)[0].Vector.Length);
    }

    [Fact]
    public async Task Disposing_stops_an_encode_under_way()
    {
        var model = new SentenceModel(SentenceModelKind.MiniLm, modelFolder: SharedModelFolder);
        model.EnsureLoaded(CancellationToken.None);
        var paragraphs = Enumerable.Range(0, 64).Select(i => string.Join(' ', Enumerable.Repeat($"the deadline matters {i}", 100))).ToArray();
        using var started = new ManualResetEventSlim();
        var encoding = Task.Run(() =>
        {
            started.Set();
            return model.Encode(paragraphs, asQuery: false, withWords: false, CancellationToken.None);
        });
        started.Wait();

        model.Dispose();

        // 64 long paragraphs take seconds; the encode stops at its next run (or the run in flight is terminated).
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => encoding);
        Assert.All(failure is AggregateException all ? all.Flatten().InnerExceptions : [failure], e => Assert.IsType<ObjectDisposedException>(e));
    }
}
