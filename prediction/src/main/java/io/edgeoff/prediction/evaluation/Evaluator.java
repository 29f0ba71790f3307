package io.edgeoff.prediction.evaluation;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.predictor.Predictor;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Runs a {@link Protocol} on one node's series. The test part is the last {@code 1 - trainFraction} of the slots
 * (chronological, walk-forward) or a seeded random {@code 1 - trainFraction} of them (random). A predictor only
 * ever sees the slots before the one it forecasts (except under {@link Protocol#RANDOM}, which by design shows it
 * every training slot, past and future).
 *
 * @param trainFraction share of slots used for training, in (0,1)
 * @param seed          seed of the random split
 * @param refitEvery    walk-forward: retrain every this many test slots, &gt;= 1
 * @param epsilon       epsilon of the epsilon-insensitive risk
 */
public record Evaluator(double trainFraction, long seed, int refitEvery, double epsilon) {
    /** The seed's train share. */
    public static final double DEFAULT_TRAIN_FRACTION = 0.8;
    /** The seed's {@code random_state}. */
    public static final long DEFAULT_SEED = 5725;

    public Evaluator {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("train fraction must be in (0,1), but was " + trainFraction);
        }
        if (refitEvery < 1) {
            throw new IllegalArgumentException("refit interval must be >= 1 slot, but was " + refitEvery);
        }
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon must be >= 0, but was " + epsilon);
        }
    }

    /** 80/20, seed 5725, retrain every slot, epsilon 0.001. */
    public static Evaluator ofDefaults() {
        return new Evaluator(DEFAULT_TRAIN_FRACTION, DEFAULT_SEED, 1, Metrics.DEFAULT_EPSILON);
    }

    public Evaluator withRefitEvery(int slots) {
        return new Evaluator(trainFraction, seed, slots, epsilon);
    }

    public Evaluator withSeed(long newSeed) {
        return new Evaluator(trainFraction, newSeed, refitEvery, epsilon);
    }

    /** Number of training slots of a series of {@code n} slots. */
    public int trainSize(int n) {
        return (int) Math.floor(n * trainFraction);
    }

    /**
     * @throws IllegalArgumentException if the series is too short to have at least one training and one test slot
     */
    public EvaluationResult evaluate(Predictor.Trainer trainer, AvailabilitySeries series, Protocol protocol) {
        int n = series.size();
        int nTrain = trainSize(n);
        if (nTrain < 1 || nTrain >= n) {
            throw new IllegalArgumentException("series of node " + series.nodeId() + " has " + n
                    + " slots: too short to split into training and test slots");
        }
        long t0 = System.nanoTime();
        Run run = switch (protocol) {
            case RANDOM -> random(trainer, series, nTrain);
            case CHRONOLOGICAL -> chronological(trainer, series, nTrain);
            case WALK_FORWARD -> walkForward(trainer, series, nTrain);
        };
        long elapsed = System.nanoTime() - t0;
        double[] actual = Arrays.stream(run.test).mapToDouble(series::value).toArray();
        Metrics metrics = Metrics.of(actual, run.predicted, run.outageProbability, epsilon);
        return new EvaluationResult(trainer.name(), series.nodeId(), protocol, nTrain, run.test, actual, run.predicted,
                run.outageProbability, metrics, run.fits, elapsed);
    }

    private record Run(int[] test, double[] predicted, double[] outageProbability, int fits) {
    }

    private Run chronological(Predictor.Trainer trainer, AvailabilitySeries series, int nTrain) {
        AvailabilitySeries train = series.prefix(nTrain);
        Predictor model = trainer.train(train);
        int k = series.size() - nTrain;
        int[] test = new int[k];
        Arrays.setAll(test, j -> nTrain + j);
        return new Run(test, model.forecast(train, k), model.outageProbability(train, k), 1);
    }

    private Run walkForward(Predictor.Trainer trainer, AvailabilitySeries series, int nTrain) {
        int k = series.size() - nTrain;
        int[] test = new int[k];
        double[] predicted = new double[k];
        double[] outage = new double[k];
        Predictor model = null;
        int fits = 0;
        for (int j = 0; j < k; j++) {
            int i = nTrain + j;
            AvailabilitySeries history = series.prefix(i);
            if (j % refitEvery == 0) {
                model = trainer.train(history);
                fits++;
            }
            test[j] = i;
            predicted[j] = model.forecast(history, 1)[0];
            outage[j] = model.outageProbability(history, 1)[0];
        }
        return new Run(test, predicted, outage, fits);
    }

    private Run random(Predictor.Trainer trainer, AvailabilitySeries series, int nTrain) {
        boolean[] hidden = randomTestSlots(series.size());
        AvailabilitySeries visible = series.masked(hidden);
        Predictor model = trainer.train(visible);
        int[] test = IntStream.range(0, hidden.length).filter(i -> hidden[i]).toArray();
        double[] predicted = new double[test.length];
        double[] outage = new double[test.length];
        for (int j = 0; j < test.length; j++) {
            AvailabilitySeries history = visible.prefix(test[j]);
            predicted[j] = model.forecast(history, 1)[0];
            outage[j] = model.outageProbability(history, 1)[0];
        }
        return new Run(test, predicted, outage, 1);
    }

    /**
     * The project's one random train/test split, the seed's ({@code train_test_split} with {@code random_state}):
     * the slot indices shuffled with {@link SplittableRandom} seeded with {@link #seed()} alone (the same seed for
     * every node, as the seed did), the first {@link #trainSize(int)} of the shuffle train and the rest test. Used
     * by {@link Protocol#RANDOM} and by the simulator's per-node forecasts.
     *
     * @param n number of slots, &gt;= 0
     * @return per slot, true when it is a test slot (hidden from training); all false when {@code n} is too short
     *         to keep at least one training slot
     */
    public boolean[] randomTestSlots(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of slots must be >= 0, but was " + n);
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        boolean[] hidden = new boolean[n];
        int nTrain = trainSize(n);
        if (nTrain >= 1) {
            for (int i = nTrain; i < n; i++) {
                hidden[order[i]] = true;
            }
        }
        return hidden;
    }
}
