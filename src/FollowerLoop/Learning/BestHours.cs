namespace FollowerLoop.Learning;

/// <summary>The posting hours of a day: the <c>count</c> hours with the highest total score, any two at least <c>gap</c> hours apart (around midnight too).</summary>
public static class BestHours
{
    public static IReadOnlyList<int> Choose(IReadOnlyList<double> scoreByHour, int count, int gap)
    {
        if (scoreByHour.Count != 24)
        {
            throw new ArgumentException("One score per hour of the day is needed.", nameof(scoreByHour));
        }

        if (count < 1 || gap < 1 || count * gap > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"{count} hours at least {gap} apart do not fit in a day.");
        }

        (double Score, List<int> Hours)? best = null;
        for (var first = 0; first < 24; first++)
        {
            // The other hours lie in [first + gap, first + 24 - gap], which keeps the gap across midnight.
            var rest = BestInRange(scoreByHour, first + gap, first + 24 - gap, count - 1, gap);
            if (rest is { } r && (best is null || scoreByHour[first] + r.Score > best.Value.Score))
            {
                best = (scoreByHour[first] + r.Score, [first, .. r.Hours]);
            }
        }

        return [.. best!.Value.Hours.Select(h => h % 24).Order()];
    }

    /// <summary>The best <paramref name="count"/> hours in [from, to] (may run past 23), at least <paramref name="gap"/> apart; null if they do not fit.</summary>
    private static (double Score, List<int> Hours)? BestInRange(IReadOnlyList<double> score, int from, int to, int count, int gap)
    {
        var length = Math.Max(0, to - from + 1);
        // best[i, k]: the highest total of k hours chosen in [from + i, to]; -∞ when k hours do not fit there.
        var best = new double[length + gap + 1, count + 1];
        for (var i = length + gap; i >= 0; i--)
        {
            for (var k = 1; k <= count; k++)
            {
                best[i, k] = i >= length
                    ? double.NegativeInfinity
                    : Math.Max(best[i + 1, k], score[(from + i) % 24] + best[Math.Min(i + gap, length + gap), k - 1]);
            }
        }

        if (double.IsNegativeInfinity(best[0, count]))
        {
            return null;
        }

        var hours = new List<int>(count);
        for (int i = 0, k = count; k > 0;)
        {
            if (best[i, k] == best[i + 1, k])
            {
                i++;
                continue;
            }

            hours.Add(from + i);
            i += gap;
            k--;
        }

        return (best[0, count], hours);
    }
}
