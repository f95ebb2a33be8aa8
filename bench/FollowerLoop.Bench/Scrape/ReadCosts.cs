namespace FollowerLoop.Bench.Scrape;

/// <summary>The costs of repeated reads of one kind: their durations, and the mean bytes and CPU time of one read.</summary>
internal sealed class ReadCosts
{
    private readonly List<ReadCost> _reads = [];

    public Timings Durations { get; } = new();

    public double MeanKilobytes => Mean(read => read.Kilobytes);

    public double MeanCpuMilliseconds => Mean(read => read.BrowserCpu.TotalMilliseconds);

    public void Add(ReadCost read)
    {
        _reads.Add(read);
        Durations.Add(read.Duration);
    }

    private double Mean(Func<ReadCost, double> of) => _reads.Count == 0 ? throw new InvalidOperationException("No reads.") : _reads.Average(of);
}
