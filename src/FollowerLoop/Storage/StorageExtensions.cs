using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Storage;

public static class StorageExtensions
{
    /// <summary>Registers the <c>Database</c> options, one <see cref="NpgsqlDataSource"/>, the stores and the migration runner.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<DatabaseOptions>()
            .BindStrictly(builder.Configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateAttributes();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        builder.Services.AddSingleton(sp =>
        {
            DateTimeOffsetHandler.Register();
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dataSource = new NpgsqlDataSourceBuilder(options.ConnectionString)
            {
                ConnectionStringBuilder =
                {
                    CommandTimeout = (int)options.CommandTimeout.TotalSeconds,
                    ApplicationName = "followerloop",
                },
            };
            return dataSource.UseLoggerFactory(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()).Build();
        });

        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddSingleton<PostStore>();
        builder.Services.AddSingleton<TrackingStore>();
        builder.Services.AddSingleton<OutcomeStore>();
        builder.Services.AddSingleton<AccountSnapshotStore>();
        builder.Services.AddSingleton<AttributionStore>();
        builder.Services.AddSingleton<LikerStore>();
        builder.Services.AddSingleton<TrainingStore>();
        builder.Services.AddSingleton<ModelStore>();
        builder.Services.AddSingleton<PatternStore>();
        builder.Services.AddSingleton<StrategyStore>();
        builder.Services.AddSingleton<RefusedCandidateStore>();
        return builder;
    }
}
