package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;

/**
 * A trained, immutable availability model of one node. It forecasts the availability of the {@code k}
 * slots that follow an observed history; every value is in [0,1].
 *
 * <p>The observed history passed to {@link #forecast} starts at the same slot as the training series and may
 * be longer than it (a model trained yesterday forecasting today with today's history) or contain NaN values
 * (slots not observed). Models that depend only on the slot index (the seed's SVR) ignore the values.
 */
public interface Predictor {

    /** The registry name of the model, e.g. {@code "svr"}. */
    String name();

    /**
     * Availability of slots {@code observed.size() .. observed.size() + k - 1}.
     *
     * @param observed history from slot 0 of the training series up to now
     * @param k        number of slots to forecast, &gt;= 1
     * @return k values in [0,1]
     */
    double[] forecast(AvailabilitySeries observed, int k);

    /**
     * Probability that each of the next {@code k} slots has an outage. The default reads the availability
     * forecast as a failure probability, {@code 1 - availability}, as the seed's MDP does; models of the
     * failure process override it with a calibrated probability.
     */
    default double[] outageProbability(AvailabilitySeries observed, int k) {
        double[] a = forecast(observed, k);
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = clamp01(1.0 - a[i]);
        }
        return p;
    }

    /** Clamps to [0,1]; NaN becomes 1 (no evidence of failure). */
    static double clamp01(double v) {
        if (Double.isNaN(v)) {
            return 1.0;
        }
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    /** Checks {@code k >= 1}. */
    static int requireHorizon(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("forecast horizon must be >= 1 slot, but was " + k);
        }
        return k;
    }

    /** Trains a {@link Predictor} on one node's history. Trainers are immutable and thread-safe. */
    interface Trainer {
        /** The registry name of the model this trainer produces. */
        String name();

        /**
         * @param history the node's availability series (NaN slots are ignored)
         * @throws IllegalArgumentException if the series has no observed slot
         */
        Predictor train(AvailabilitySeries history);

        /** A trainer named {@code name} that trains with {@code train}. */
        static Trainer of(String name, java.util.function.Function<AvailabilitySeries, Predictor> train) {
            return new Trainer() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Predictor train(AvailabilitySeries history) {
                    return train.apply(history);
                }
            };
        }
    }
}
