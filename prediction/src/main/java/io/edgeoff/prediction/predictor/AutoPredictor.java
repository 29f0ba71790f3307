package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import java.util.List;

/**
 * Model selection per node ("auto"): each candidate is scored by walk-forward on the last
 * {@value #VALIDATION_PERCENT} % of the training slots (one step ahead, retrained every
 * {@value #REFIT_SLOTS} slots), and the candidate with the best score is retrained on all training slots.
 * The default criterion is the Brier score of "the next slot has an outage", because the decision engine
 * needs a failure probability; {@link Criterion#RMSE} selects on the availability level instead.
 */
public final class AutoPredictor {
    public static final String NAME = "auto";
    /** Default candidates: the failure-process models and persistence (the SVRs are too slow to validate walk-forward). */
    public static final List<String> DEFAULT_CANDIDATES = List.of("blend", "weibull", "markov", "last");
    static final int VALIDATION_PERCENT = 20;
    static final int REFIT_SLOTS = 30;
    static final int MIN_VALIDATION_SLOTS = 10;

    /** What "best" means. */
    public enum Criterion {
        /** Lowest Brier score of the outage probability. */
        BRIER,
        /** Lowest RMSE of the availability forecast. */
        RMSE
    }

    private AutoPredictor() {
    }

    public static Predictor.Trainer trainer(List<String> candidates, Criterion criterion) {
        List<String> names = List.copyOf(candidates);
        names.forEach(Predictors::description);
        return new Predictor.Trainer() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Predictor train(AvailabilitySeries history) {
                return Predictors.trainer(select(history, names, criterion)).train(history);
            }
        };
    }

    /** The name of the candidate that scores best on the tail of {@code history} (the first one on ties). */
    public static String select(AvailabilitySeries history, List<String> candidates, Criterion criterion) {
        int n = history.size();
        int start = n - n * VALIDATION_PERCENT / 100;
        if (n - start < MIN_VALIDATION_SLOTS || start < 1) {
            return candidates.get(0);
        }
        String best = candidates.get(0);
        double bestScore = Double.POSITIVE_INFINITY;
        for (String name : candidates) {
            double score = score(Predictors.trainer(name), history, start, criterion);
            if (score < bestScore) {
                bestScore = score;
                best = name;
            }
        }
        return best;
    }

    private static double score(Predictor.Trainer trainer, AvailabilitySeries h, int start, Criterion criterion) {
        double sum = 0;
        int count = 0;
        Predictor model = null;
        for (int i = start; i < h.size(); i++) {
            double y = h.value(i);
            AvailabilitySeries past = h.prefix(i);
            if ((i - start) % REFIT_SLOTS == 0 || model == null) {
                try {
                    model = trainer.train(past);
                } catch (IllegalArgumentException e) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            if (Double.isNaN(y)) {
                continue;
            }
            double e = criterion == Criterion.BRIER
                    ? model.outageProbability(past, 1)[0] - (y < 1 ? 1 : 0)
                    : model.forecast(past, 1)[0] - y;
            sum += e * e;
            count++;
        }
        return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
    }
}
