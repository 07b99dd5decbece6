using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite: a file path or a full connection string (default <c>data/policybot.db</c>). PostgreSQL: an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "data/policybot.db";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Storage:ConnectionString must not be empty.", [nameof(ConnectionString)]);
        }
    }
}
