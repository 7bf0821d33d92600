namespace CloudReel.Core.Planning.Timing;

/// <summary>
/// Moves shot lengths one allowed step at a time until their sum lands as close to the wanted
/// total as the model's durations permit. Each step takes the largest gain; among equal gains it
/// moves the shot that strays least from its proportional share afterwards.
/// </summary>
internal static class TargetCorrection
{
    private const int MaxSteps = 100_000;

    public static void Apply(double[] seconds, double[] ideal, double[] lower, double wantedTotal, DurationGrid grid)
    {
        for (var step = 0; step < MaxSteps; step++)
        {
            var error = seconds.Sum() - wantedTotal;
            if (Math.Abs(error) < 1e-9) return;
            var direction = error > 0 ? -1 : 1;
            var best = -1;
            double bestNext = 0, bestError = Math.Abs(error), bestStray = double.MaxValue;
            for (var i = 0; i < seconds.Length; i++)
            {
                if (grid.Next(seconds[i], direction) is not { } next) continue;
                if (direction < 0 && next < lower[i] - 1e-9) continue;
                var newError = Math.Abs(error + next - seconds[i]);
                var stray = Math.Abs(next - ideal[i]) / Math.Max(ideal[i], 0.1);
                var better = newError < bestError - 1e-9 || best >= 0 && Math.Abs(newError - bestError) < 1e-9 && stray < bestStray - 1e-9;
                if (!better) continue;
                (best, bestNext, bestError, bestStray) = (i, next, newError, stray);
            }
            if (best < 0) return;
            seconds[best] = bestNext;
        }
    }
}
