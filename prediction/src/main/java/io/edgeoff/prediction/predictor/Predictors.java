package io.edgeoff.prediction.predictor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Registry of predictors by name. {@link #trainer(String, long)} creates a trainer; the seed makes the
 * random choices of trainers that have any (none of the built-in ones draw random numbers today, but
 * the seed is part of the contract).
 */
public final class Predictors {
    private record Entry(String description, LongFunction<Predictor.Trainer> factory) {
    }

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    /**
     * The model used when none is named: the one with the lowest median walk-forward Brier score (the
     * model-selection criterion) over the 16 seed node candidates of the LANL trace, see docs/PREDICTION.md.
     */
    public static final String DEFAULT_MODEL = WeibullPredictor.NAME;
    /**
     * Alias of the engine's best walk-forward predictor ({@link #DEFAULT_MODEL}): what a caller asks for when it
     * wants the best model rather than a particular one (the live {@code mdp}). Not listed in {@link #names()}.
     */
    public static final String BEST = "best";

    static {
        register(SvrPredictor.NAME, "the seed's epsilon-SVR (RBF, LIBSVM) on the slot index, C = max(|mean+-3sd|), "
                + "epsilon 0.001, gamma = 1/var(x)", seed -> SvrPredictor.trainer());
        register(TunedSvrPredictor.NAME, "the seed's SVR with C, gamma, epsilon chosen on the last 20 % of the training "
                + "slots (time-ordered validation)", seed -> TunedSvrPredictor.trainer());
        register(AlwaysUpPredictor.NAME, "reference: always available (availability 1, outage probability 0)",
                seed -> AlwaysUpPredictor.trainer());
        register(LastValuePredictor.NAME, "last observed slot's availability (persistence)",
                seed -> LastValuePredictor.trainer());
        register(MovingMeanPredictor.NAME, "moving mean of the last " + MovingMeanPredictor.DEFAULT_WINDOW + " slots",
                seed -> MovingMeanPredictor.trainer(MovingMeanPredictor.DEFAULT_WINDOW));
        register(EwmaPredictor.NAME, "exponentially weighted moving average, alpha " + EwmaPredictor.DEFAULT_ALPHA,
                seed -> EwmaPredictor.trainer(EwmaPredictor.DEFAULT_ALPHA));
        register(WeibullPredictor.NAME, "Weibull inter-failure times (MLE, censored), outage probability from the hazard",
                seed -> WeibullPredictor.trainer());
        register(MarkovPredictor.NAME, "state-conditional mean: down now / slots since the last outage slot",
                seed -> MarkovPredictor.trainer());
        register(BlendPredictor.NAME, "average of " + BlendPredictor.DEFAULT_MEMBERS + " (forecast and outage probability)",
                seed -> BlendPredictor.trainer(BlendPredictor.DEFAULT_MEMBERS));
        register(AutoPredictor.NAME, "per node, the candidate " + AutoPredictor.DEFAULT_CANDIDATES
                + " with the lowest walk-forward Brier score on the last 20 % of the training slots",
                seed -> AutoPredictor.trainer(AutoPredictor.DEFAULT_CANDIDATES, AutoPredictor.Criterion.BRIER));
    }

    private Predictors() {
    }

    private static void register(String name, String description, LongFunction<Predictor.Trainer> factory) {
        REGISTRY.put(name, new Entry(description, factory));
    }

    /**
     * @param name a registered name or {@link #BEST}
     * @return the registered name it stands for ({@link #DEFAULT_MODEL} for {@link #BEST}), {@code name} otherwise
     */
    public static String resolve(String name) {
        return BEST.equals(name) ? DEFAULT_MODEL : name;
    }

    /** @return true when {@code name} is a registered name or {@link #BEST} */
    public static boolean isKnown(String name) {
        return REGISTRY.containsKey(resolve(name));
    }

    /** Registered names, in registry order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** One-line description of a model. */
    public static String description(String name) {
        return entry(name).description();
    }

    /**
     * @throws IllegalArgumentException naming the known models if {@code name} is unknown
     */
    public static Predictor.Trainer trainer(String name, long seed) {
        return entry(name).factory().apply(seed);
    }

    /** Trainer with seed 0. */
    public static Predictor.Trainer trainer(String name) {
        return trainer(name, 0L);
    }

    private static Entry entry(String name) {
        Entry e = REGISTRY.get(resolve(name));
        if (e == null) {
            throw new IllegalArgumentException("unknown model '" + name + "': known models are " + names()
                    + " and '" + BEST + "' (the best walk-forward model, " + DEFAULT_MODEL + ")");
        }
        return e;
    }
}
