namespace PolicyBot.Storage.Infrastructure;

/// <summary>The few places where SQLite and PostgreSQL SQL differ; everything else is written once.</summary>
public enum SqlDialect
{
    Sqlite,
    Postgres,
}
