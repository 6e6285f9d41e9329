using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Tests.Unit;

/// <summary>On a real SQLite file: what a save touches is told before it is saved and once it is committed, never for a rollback.</summary>
public sealed class CommittedChangesInterceptorTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"committed-{Guid.NewGuid():N}.db");
    private readonly Recorder _recorder = new();

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_save_of_its_own_is_told_before_and_once_committed()
    {
        await using var db = NewContext();
        db.Notes.Add(new Note { Topic = "a" });
        await db.SaveChangesAsync();

        _recorder.Events.ShouldBe(["saving a", "committed a"]);
        await db.SaveChangesAsync();
        _recorder.Events.Count.ShouldBe(2, "a save that changes nothing tells nothing");
    }

    [Fact]
    public async Task Saves_within_a_transaction_are_told_committed_together_at_its_commit()
    {
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Notes.Add(new Note { Topic = "a" });
        await db.SaveChangesAsync();
        db.Notes.Add(new Note { Topic = "b" });
        await db.SaveChangesAsync();
        _recorder.Events.ShouldBe(["saving a", "saving b"], "nothing committed yet");

        await transaction.CommitAsync();
        _recorder.Events.ShouldBe(["saving a", "saving b", "committed a,b"]);
    }

    [Fact]
    public async Task A_rolled_back_transaction_and_a_failed_save_are_never_told_committed()
    {
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Topic = "a" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using (var db = NewContext())
        {
            db.Notes.Add(new Note { Id = 1, Topic = "b" });
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            db.Notes.Add(new Note { Id = 1, Topic = "c" });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.Notes.Add(new Note { Topic = "d" });
            await db.SaveChangesAsync();
        }

        _recorder.Events.ShouldBe(["saving a", "saving b", "committed b", "saving c", "saving d", "committed d"]);
    }

    private NotesContext NewContext() => new(new DbContextOptionsBuilder<NotesContext>().UseSqlite($"Data Source={_path}").AddInterceptors(_recorder).Options);

    private sealed class Note
    {
        public int Id { get; set; }

        public string Topic { get; set; } = "";
    }

    private sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    private sealed class Recorder : CommittedChangesInterceptor<NotesContext, string>
    {
        public List<string> Events { get; } = [];

        protected override IEnumerable<string> Touched(NotesContext context) =>
            context.ChangeTracker.Entries<Note>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Topic);

        protected override ValueTask SavingAsync(NotesContext context, IReadOnlyCollection<string> touched, CancellationToken cancellationToken)
        {
            Events.Add($"saving {string.Join(",", touched.Order())}");
            return ValueTask.CompletedTask;
        }

        protected override Task CommittedAsync(IReadOnlyCollection<string> touched)
        {
            Events.Add($"committed {string.Join(",", touched.Order())}");
            return Task.CompletedTask;
        }
    }
}
