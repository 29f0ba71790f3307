package io.edgeoff.prediction.evaluation;

/**
 * Forecast-quality metrics over n test slots, with {@code y} the actual and {@code f} the predicted
 * availability:
 * <ul>
 *   <li>{@code rmse = sqrt(mean((y - f)^2))}, {@code mae = mean(|y - f|)};</li>
 *   <li>{@code nrmse = rmse / mean(y)} (the seed's normalisation);</li>
 *   <li>{@code r2 = 1 - sum((y - f)^2) / sum((y - mean(y))^2)} (NaN if y is constant);</li>
 *   <li>{@code epsilonRisk = mean(max(0, |y - f| - epsilon))}, the epsilon-insensitive empirical risk;</li>
 *   <li>{@code brier = mean((p - o)^2)} with {@code o = 1} if the slot has an outage (y &lt; 1) and p the predicted
 *       outage probability.</li>
 * </ul>
 *
 * @param n           number of test slots
 * @param nrmse       RMSE / mean of actual
 * @param rmse        root mean squared error
 * @param mae         mean absolute error
 * @param r2          coefficient of determination
 * @param epsilonRisk epsilon-insensitive empirical risk
 * @param epsilon     the epsilon used
 * @param brier       Brier score of the outage probability
 */
public record Metrics(int n, double nrmse, double rmse, double mae, double r2, double epsilonRisk, double epsilon,
                      double brier) {

    /** The seed's epsilon for the epsilon-insensitive risk. */
    public static final double DEFAULT_EPSILON = 0.001;

    /**
     * @param actual             actual availability per test slot
     * @param predicted          predicted availability per test slot
     * @param outageProbability  predicted probability that the slot has an outage
     * @param epsilon            epsilon of the insensitive risk, &gt;= 0
     * @throws IllegalArgumentException if lengths differ or there is no slot
     */
    public static Metrics of(double[] actual, double[] predicted, double[] outageProbability, double epsilon) {
        int n = actual.length;
        if (n == 0) {
            throw new IllegalArgumentException("no test slot: metrics need at least one");
        }
        if (predicted.length != n || outageProbability.length != n) {
            throw new IllegalArgumentException("actual, predicted and outage probability must have the same length, but were "
                    + n + ", " + predicted.length + ", " + outageProbability.length);
        }
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon must be >= 0, but was " + epsilon);
        }
        double mean = 0;
        for (double y : actual) {
            mean += y;
        }
        mean /= n;
        double sse = 0;
        double sae = 0;
        double sst = 0;
        double risk = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double e = actual[i] - predicted[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (actual[i] - mean) * (actual[i] - mean);
            risk += Math.max(0, Math.abs(e) - epsilon);
            double o = actual[i] < 1.0 ? 1.0 : 0.0;
            brier += (outageProbability[i] - o) * (outageProbability[i] - o);
        }
        double rmse = Math.sqrt(sse / n);
        return new Metrics(n, mean > 0 ? rmse / mean : Double.NaN, rmse, sae / n, sst > 0 ? 1 - sse / sst : Double.NaN,
                risk / n, epsilon, brier / n);
    }
}
