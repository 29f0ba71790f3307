package io.edgeoff.decision;

import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.cost.SeedReward;
import io.edgeoff.common.site.SiteKind;
import io.edgeoff.decision.policy.DagMdpPolicy;
import io.edgeoff.decision.policy.FailureEstimate;
import io.edgeoff.decision.policy.FastestSitePolicy;
import io.edgeoff.decision.policy.LocalPolicy;
import io.edgeoff.decision.policy.RandomPolicy;
import io.edgeoff.decision.policy.SeedTaskMdpPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of decision engines, by name. Adding a policy is one class and one line here.
 */
public final class Policies {
    /** The product's default policy. */
    public static final String DEFAULT = "mdp";
    /** Discount of the seed's MDP-SVR engine (nearly myopic). */
    public static final double SEED_MDP_SVR_DISCOUNT = 0.01;
    /** Discount of EFPO, energy-efficient and mobile-cloud. */
    public static final double EFPO_DISCOUNT = 0.96;
    /** MDP-SVR treats an edge site predicted at least this available as certain. */
    public static final double SEED_EDGE_THRESHOLD = 0.95;

    private record Entry(String description, FailureResponse onFailure, Function<PolicyContext, OffloadingPolicy> factory) {
    }

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        register("mdp", "edgeoff's planner: exact MDP over the app's remaining DAG, expected time+energy incl. failures",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new DagMdpPolicy(ctx.costModel(), ctx.weights()));
        register("seed-mdp-svr", "the seed's per-task MDP on SVR-predicted availability, gamma 0.01, policy iteration",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new SeedTaskMdpPolicy("seed-mdp-svr", ctx.costModel(),
                        new SeedReward(ctx.weights()), SEED_MDP_SVR_DISCOUNT,
                        FailureEstimate.predictedAvailability(SEED_EDGE_THRESHOLD), site -> true));
        register("efpo", "EFPO (UCC 2019): per-task MDP, fp from MTBF, gamma 0.96; after a failure only the device",
                FailureResponse.DEVICE_ONLY, ctx -> new SeedTaskMdpPolicy("efpo", ctx.costModel(),
                        new SeedReward(ctx.weights()), EFPO_DISCOUNT, FailureEstimate.mtbf(), site -> true));
        register("energy-efficient", "per-task MDP minimising device energy only (w_e = 1), failure-oblivious, gamma 0.96",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new SeedTaskMdpPolicy("energy-efficient",
                        ctx.costModel(), new SeedReward(new CostWeights(0, 1)), EFPO_DISCOUNT, FailureEstimate.none(),
                        site -> true));
        register("local", "every task on the device",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new LocalPolicy(ctx.costModel()));
        register("mobile-cloud", "per-task MDP over the device and cloud sites only, failure-oblivious, gamma 0.96",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new SeedTaskMdpPolicy("mobile-cloud", ctx.costModel(),
                        new SeedReward(ctx.weights()), EFPO_DISCOUNT, FailureEstimate.none(),
                        site -> site.kind() != SiteKind.EDGE));
        register("random", "a uniformly random feasible site (seeded)",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new RandomPolicy(ctx.costModel(), ctx.seed()));
        register("greedy", "the site with the least expected time, failure-oblivious; re-decides after a failure",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new FastestSitePolicy("greedy", ctx.costModel()));
        register("reactive", "fastest site, re-executed on the device after a failure (Kubernetes + hybrid FT stand-in)",
                FailureResponse.DEVICE_ONLY, ctx -> new FastestSitePolicy("reactive", ctx.costModel()));
    }

    private Policies() {
    }

    private static void register(String name, String description, FailureResponse onFailure,
                                 Function<PolicyContext, OffloadingPolicy> factory) {
        REGISTRY.put(name, new Entry(description, onFailure, factory));
    }

    /** @return the registered names, in registry order */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    public static String description(String name) {
        return entry(name).description();
    }

    /** What the caller does after a failed attempt under policy {@code name}. */
    public static FailureResponse onFailure(String name) {
        return entry(name).onFailure();
    }

    /** A new instance of policy {@code name} for one run (one thread). */
    public static OffloadingPolicy create(String name, PolicyContext context) {
        return entry(name).factory().apply(context);
    }

    /** Validates a comma-separated list of names, e.g. {@code mdp,efpo}. */
    public static List<String> parseList(String commaSeparated) {
        List<String> names = java.util.Arrays.stream(commaSeparated.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no policy given; known policies: " + String.join(", ", names()));
        }
        names.forEach(Policies::entry);
        return names;
    }

    private static Entry entry(String name) {
        Entry entry = REGISTRY.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("unknown policy '" + name + "'; known policies: "
                    + String.join(", ", names()));
        }
        return entry;
    }
}
