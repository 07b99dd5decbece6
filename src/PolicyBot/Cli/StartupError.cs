using Microsoft.Extensions.Options;
using PolicyBot.Storage.Infrastructure;

namespace PolicyBot.Cli;

/// <summary>Turns start-up failures a user can fix (bad configuration, unusable database) into one clear sentence.</summary>
public static class StartupError
{
    public static bool TryDescribe(Exception exception, out string message)
    {
        switch (exception)
        {
            case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                var described = aggregate.InnerExceptions.Select(e => TryDescribe(e, out var m) ? m : null).Where(m => m is not null).ToArray();
                message = string.Join(Environment.NewLine, described);
                return described.Length > 0;
            case OptionsValidationException validation:
                message = "invalid configuration: " + string.Join("; ", validation.Failures);
                return true;
            case PolicyBot.Core.Knowledge.ArticleFormatException article:
                message = article.Message;
                return true;
            case StorageUnavailableException storage:
                message = storage.Message;
                return true;
            case InvalidOperationException invalid when invalid.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase):
                message = "invalid configuration: " + invalid.Message;
                return true;
            case FileNotFoundException missing when missing.FileName?.EndsWith("appsettings.json", StringComparison.Ordinal) == true:
                message = $"the configuration file {missing.FileName} is missing.";
                return true;
            default:
                message = string.Empty;
                return false;
        }
    }
}
