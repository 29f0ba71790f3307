package io.edgeoff.prediction.synthetic;

import io.edgeoff.prediction.predictor.WeibullFit;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import io.edgeoff.prediction.trace.SeedCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The embedded default failure trace: a renewal process per node with Weibull times between failure starts and
 * lognormal repair times, parameters per seed category fitted to the LANL data by {@link #fit(FailureTrace)}
 * (reproduce with {@code edgeoff trace fit --trace LA-UR-05-7318-failure-data-1996-2005.csv}).
 * Fit: per category, pool every node's gaps between consecutive failure starts (hours; gaps below one minute
 * count as one minute) and fit a Weibull by maximum likelihood; take mean and sd of ln(Down Time minutes), with
 * 0-minute outages counted as 1 minute.
 */
public final class SyntheticTraces {
    /** Parameters fitted to LANL LA-UR-05-7318 (1996-2005) by {@link #fit(FailureTrace)}. */
    public static final Map<SeedCategory, CategoryModel> LANL_FIT = Map.of(
            SeedCategory.EC, new CategoryModel(SeedCategory.EC, 0.63373, 229.279, 4.00970, 1.27506, 70, 10278),
            SeedCategory.ED, new CategoryModel(SeedCategory.ED, 0.58928, 2485.87, 4.26132, 1.16939, 2368, 7694),
            SeedCategory.ER, new CategoryModel(SeedCategory.ER, 0.55996, 1403.00, 4.05693, 2.40583, 1137, 2012),
            SeedCategory.CD, new CategoryModel(SeedCategory.CD, 0.88381, 113.931, 3.76812, 1.35729, 1, 53));

    /** Seed of the default trace. */
    public static final long DEFAULT_SEED = 5725;
    /** Start of the default trace (the LANL data starts in 1996). */
    public static final Instant DEFAULT_START = Instant.parse("1996-01-01T00:00:00Z");
    /** Length of the default trace: ten years of 365 days. */
    public static final Duration DEFAULT_SPAN = Duration.ofDays(3650);
    /** Name of the default trace in messages. */
    public static final String DEFAULT_SOURCE = "synthetic (LANL-fitted, seed " + DEFAULT_SEED + ")";

    private SyntheticTraces() {
    }

    /** The default trace: the 16 seed candidate nodes, ten years from 1996, seed 5725. */
    public static FailureTrace defaultTrace() {
        return generate(SeedCategory.seedCandidates(), DEFAULT_START, DEFAULT_SPAN, DEFAULT_SEED, LANL_FIT);
    }

    /**
     * Generates outages for the given nodes. Each node's category is that of its system (ER for systems the seed
     * does not categorise); each node draws from its own stream, so adding a node does not change the others.
     *
     * @throws IllegalArgumentException if span is not positive or a category has no model
     */
    public static FailureTrace generate(List<NodeId> nodes, Instant start, Duration span, long seed,
                                        Map<SeedCategory, CategoryModel> models) {
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("trace span must be > 0, but was " + span);
        }
        List<Outage> outages = new ArrayList<>();
        for (NodeId node : nodes) {
            SeedCategory cat = SeedCategory.ofSystem(node.system()).orElse(SeedCategory.ER);
            CategoryModel m = models.get(cat);
            if (m == null) {
                throw new IllegalArgumentException("no synthetic failure model for category " + cat);
            }
            SplittableRandom rnd = new SplittableRandom(mix(seed, node));
            double tHours = weibull(rnd, m) * rnd.nextDouble();
            double spanHours = span.toSeconds() / 3600.0;
            while (tHours < spanHours) {
                double repairMinutes = Math.exp(m.repairLogMeanMinutes() + m.repairLogSdMinutes() * rnd.nextGaussian());
                outages.add(new Outage(node, start.plusSeconds(Math.round(tHours * 3600)),
                        Duration.ofSeconds(Math.round(Math.min(repairMinutes, 60.0 * 24 * 365) * 60))));
                tHours += Math.max(1.0 / 60, weibull(rnd, m));
            }
        }
        return FailureTrace.of("synthetic (seed " + seed + ")", outages);
    }

    private static double weibull(SplittableRandom rnd, CategoryModel m) {
        return m.weibullScaleHours() * Math.pow(-Math.log(1 - rnd.nextDouble()), 1 / m.weibullShape());
    }

    private static long mix(long seed, NodeId node) {
        long h = seed * 0x9E3779B97F4A7C15L + node.system() * 0xBF58476D1CE4E5B9L + node.node() * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /** Fits one {@link CategoryModel} per seed category from a LANL trace (categories without data are left out). */
    public static Map<SeedCategory, CategoryModel> fit(FailureTrace trace) {
        Map<SeedCategory, CategoryModel> models = new EnumMap<>(SeedCategory.class);
        for (SeedCategory cat : SeedCategory.values()) {
            fit(trace, cat).ifPresent(m -> models.put(cat, m));
        }
        return models;
    }

    static Optional<CategoryModel> fit(FailureTrace trace, SeedCategory cat) {
        List<Double> gaps = new ArrayList<>();
        List<Double> logRepair = new ArrayList<>();
        int nodes = 0;
        for (NodeId node : trace.nodes()) {
            if (!cat.systems().contains(node.system())) {
                continue;
            }
            nodes++;
            List<Outage> list = trace.outagesOf(node);
            for (int i = 0; i < list.size(); i++) {
                logRepair.add(Math.log(Math.max(1.0, list.get(i).length().toSeconds() / 60.0)));
                if (i > 0) {
                    double h = Duration.between(list.get(i - 1).start(), list.get(i).start()).toSeconds() / 3600.0;
                    gaps.add(Math.max(1.0 / 60, h));
                }
            }
        }
        if (gaps.isEmpty()) {
            return Optional.empty();
        }
        WeibullFit w = WeibullFit.mle(gaps.stream().mapToDouble(Double::doubleValue).toArray(), new double[0]);
        double mu = logRepair.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var = logRepair.stream().mapToDouble(v -> (v - mu) * (v - mu)).sum() / logRepair.size();
        return Optional.of(new CategoryModel(cat, w.shape(), w.scale(), mu, Math.sqrt(var), nodes, gaps.size()));
    }
}
