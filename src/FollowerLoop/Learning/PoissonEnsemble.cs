using System.Globalization;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace FollowerLoop.Learning;

/// <summary>
/// A bootstrap ensemble of ML.NET Poisson regressions (log link, L2-regularised L-BFGS): counts such as
/// follower gains are fitted directly, and the model works from a few dozen rows where tree trainers need
/// hundreds. The members' spread is the model's uncertainty, which the planner explores with. Predictions go
/// through <see cref="ITransformer.Transform"/> on a batch, never a shared PredictionEngine (not thread-safe).
/// </summary>
public sealed class PoissonEnsemble
{
    public const string Trainer = "lbfgs-poisson";
    private const string ScoreColumn = "Score";

    private const string ScaleEntry = "label-scale.txt";

    private readonly MLContext _ml;
    private readonly IReadOnlyList<ITransformer> _members;
    private readonly SchemaDefinition _schema;

    // Members are fitted on labels divided by their mean, so the L2 penalty weighs the same for a small
    // account (a few followers per post) as for a large one; predictions are multiplied back.
    private readonly double _labelScale;

    private PoissonEnsemble(MLContext ml, IReadOnlyList<ITransformer> members, int featureCount, double labelScale)
    {
        _ml = ml;
        _members = members;
        FeatureCount = featureCount;
        _labelScale = labelScale;
        _schema = SchemaFor(featureCount);
    }

    public int Size => _members.Count;

    public int FeatureCount { get; }

    /// <summary>
    /// Fits <paramref name="size"/> members, each on a bootstrap resample of the rows (one member: on the rows
    /// themselves). A row weighs half as much per <paramref name="halfLife"/> it is older than the newest one, so
    /// an audience whose tastes drift is followed. A label far above its group's is capped first (<see cref="LabelFence"/>).
    /// The same rows and seed give the same ensemble.
    /// </summary>
    public static PoissonEnsemble Train(IReadOnlyList<TrainingExample> rows, int size, float l2Regularization, TimeSpan halfLife, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Count, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var featureCount = rows[0].Features.Length;
        var labels = LabelFence.Capped(rows);
        var mean = labels.Average();
        var scale = mean > 0 ? mean : 1;
        var ml = new MLContext(seed);
        var schema = SchemaFor(featureCount);
        var random = new Random(seed);
        var newest = rows.Max(r => r.PostedAt);
        var weights = rows.Select(r => (float)Math.Pow(0.5, (newest - r.PostedAt) / halfLife)).ToList();
        var trainer = ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options
        {
            L2Regularization = l2Regularization,
            L1Regularization = 0,
            ExampleWeightColumnName = nameof(ModelInput.Weight),
        });
        var members = new List<ITransformer>(size);
        for (var m = 0; m < size; m++)
        {
            var sample = size == 1 ? [.. Enumerable.Range(0, rows.Count)] : Enumerable.Range(0, rows.Count).Select(_ => random.Next(rows.Count)).ToList();
            var data = ml.Data.LoadFromEnumerable(sample.Select(i => new ModelInput { Features = rows[i].Features, Label = (float)(labels[i] / scale), Weight = weights[i] }), schema);
            members.Add(trainer.Fit(data));
        }

        return new PoissonEnsemble(ml, members, featureCount, scale);
    }

    /// <summary>Every member's predicted label for every row: <c>result[member][row]</c>.</summary>
    public double[][] Predict(IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0)
        {
            return [.. _members.Select(_ => Array.Empty<double>())];
        }

        if (rows.Any(r => r.Length != FeatureCount))
        {
            throw new ArgumentException($"The model expects {FeatureCount} features per row.", nameof(rows));
        }

        var data = _ml.Data.LoadFromEnumerable(rows.Select(r => new ModelInput { Features = r }), _schema);
        return [.. _members.Select(member => member.Transform(data).GetColumn<float>(ScoreColumn).Select(s => s * _labelScale).ToArray())];
    }

    /// <summary>The ensemble's mean prediction per row.</summary>
    public double[] PredictMean(IReadOnlyList<float[]> rows) => Mean(Predict(rows));

    /// <summary>The members' mean of each row of <see cref="Predict"/>'s result (<c>predictions[member][row]</c>).</summary>
    public static double[] Mean(double[][] predictions) => [.. Enumerable.Range(0, predictions[0].Length).Select(i => predictions.Average(member => member[i]))];

    /// <summary>One zip holding each member as ML.NET saves it, and the label scale.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var scale = new StreamWriter(zip.CreateEntry(ScaleEntry).Open()))
            {
                scale.Write(_labelScale.ToString("R", CultureInfo.InvariantCulture));
            }

            var inputSchema = _ml.Data.LoadFromEnumerable(Array.Empty<ModelInput>(), _schema).Schema;
            for (var m = 0; m < _members.Count; m++)
            {
                using var entry = zip.CreateEntry(EntryName(m), CompressionLevel.Fastest).Open();
                using var member = new MemoryStream();
                _ml.Model.Save(_members[m], inputSchema, member);
                member.Position = 0;
                member.CopyTo(entry);
            }
        }

        return buffer.ToArray();
    }

    public static PoissonEnsemble FromBytes(byte[] bytes)
    {
        var ml = new MLContext();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var members = new List<ITransformer>();
        int? featureCount = null;
        var scaleEntry = zip.GetEntry(ScaleEntry) ?? throw new InvalidDataException("The stored model has no label scale.");
        double labelScale;
        using (var reader = new StreamReader(scaleEntry.Open()))
        {
            labelScale = double.Parse(reader.ReadToEnd(), CultureInfo.InvariantCulture);
        }

        foreach (var entry in zip.Entries.Where(e => e.Name != ScaleEntry).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            using var member = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(member);
            }

            member.Position = 0;
            members.Add(ml.Model.Load(member, out var schema));
            featureCount ??= ((VectorDataViewType)schema[nameof(ModelInput.Features)].Type).Size;
        }

        return members.Count == 0
            ? throw new InvalidDataException("The stored model holds no ensemble member.")
            : new PoissonEnsemble(ml, members, featureCount!.Value, labelScale);
    }

    private static string EntryName(int member) => $"member-{member:00}.zip";

    private static SchemaDefinition SchemaFor(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(ModelInput));
        schema[nameof(ModelInput.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
