using FollowerLoop.Learning;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FollowerLoop.Bench.Trainers;

/// <summary>A way to fit the gain model's rows: its name and a function from training rows to a predictor of labels.</summary>
internal sealed record Trainer(string Name, Func<IReadOnlyList<TrainingExample>, Func<IReadOnlyList<float[]>, double[]>> Fit)
{
    public static IReadOnlyList<Trainer> All(LearnOptions learn) =>
    [
        new("mean", rows =>
        {
            var mean = rows.Average(r => r.Label);
            return features => [.. features.Select(_ => (double)mean)];
        }),
        new("poisson on bases (FollowerLoop)", rows =>
        {
            var model = PoissonEnsemble.Train(rows, 1, learn.L2Regularization, learn.HalfLife, seed: rows.Count);
            return model.PredictMean;
        }),
        new("poisson on bases, rows unweighted", rows =>
        {
            var model = PoissonEnsemble.Train(rows, 1, learn.L2Regularization, TimeSpan.FromDays(36_500), seed: rows.Count);
            return model.PredictMean;
        }),
        new("fasttree", rows => MlNet(rows, ml => ml.Regression.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 100, minimumExampleCountPerLeaf: 5, learningRate: 0.1))),
        new("fasttree tweedie", rows => MlNet(rows, ml => ml.Regression.Trainers.FastTreeTweedie(numberOfLeaves: 8, numberOfTrees: 100, minimumExampleCountPerLeaf: 5, learningRate: 0.1))),
        new("gam", rows => MlNet(rows, ml => ml.Regression.Trainers.Gam(numberOfIterations: 300, maximumBinCountPerFeature: 32, learningRate: 0.02))),
    ];

    private static Func<IReadOnlyList<float[]>, double[]> MlNet(IReadOnlyList<TrainingExample> rows, Func<MLContext, IEstimator<ITransformer>> trainer)
    {
        var ml = new MLContext(seed: rows.Count);
        var schema = SchemaDefinition.Create(typeof(ModelInput));
        schema[nameof(ModelInput.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, rows[0].Features.Length);
        var model = trainer(ml).Fit(ml.Data.LoadFromEnumerable(rows.Select(r => new ModelInput { Features = r.Features, Label = r.Label }), schema));
        return features => [.. model.Transform(ml.Data.LoadFromEnumerable(features.Select(f => new ModelInput { Features = f }), schema)).GetColumn<float>("Score").Select(s => (double)s)];
    }
}
