package io.edgeoff.decision;

import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.cost.SeedReward;
import io.edgeoff.common.site.SiteKind;
import io.edgeoff.decision.policy.ClairvoyantPolicy;
import io.edgeoff.decision.policy.DagMdpPolicy;
import io.edgeoff.decision.policy.FailureEstimate;
import io.edgeoff.decision.policy.FastestSitePolicy;
import io.edgeoff.decision.policy.LocalPolicy;
import io.edgeoff.decision.policy.MyopicOraclePolicy;
import io.edgeoff.decision.policy.RandomPolicy;
import io.edgeoff.decision.policy.SeedTaskMdpPolicy;
import io.edgeoff.decision.external.ExternalPolicySettings;
import io.edgeoff.decision.plugin.PolicyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The registry of decision engines, by name: the one registry of the simulator and the device. Adding a built-in
 * policy is one class and one line here; a policy of your own joins without rebuilding edgeoff, as a
 * {@link PolicyProvider} in a jar or as an external policy over HTTP ({@code external:URL}; docs/POLICY-PLUGINS.md). each entry ({@link PolicySpec}) states how the placement loop responds to a failure
 * and to a suspicion, and whether the policy needs the simulator's ground truth.
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
    /**
     * How edgeoff's own planner ({@code mdp}) reacts to a suspected site: it is excluded. Every baseline ignores
     * suspicion ({@link SuspicionResponse#IGNORE}) and reacts only to its failed attempts, as in its paper: the seed's
     * MDP-SVR and EFPO had no live failure detector (the prototype learnt of a failure when an attempt failed, after a
     * fixed 1.5 s; ORIGINAL.md section 1), and the Kubernetes-style {@code reactive} retries after a failure.
     */
    public static final SuspicionResponse DEFAULT_SUSPICION_RESPONSE = SuspicionResponse.EXCLUDE_SUSPECTED;
    /** What {@code seed-mdp-svr} and {@code mdp} read of a site: its predicted availability (and down probability). */
    private static final List<String> FORECAST = List.of("forecast");

    private static final PolicyRegistry BUILT_INS;
    /** Built-ins, plug-ins and external settings of this process; set by {@link #install}, else on first use. */
    private static volatile PolicyRegistry installed;

    static {
        List<PolicySpec> specs = new ArrayList<>();
        live(specs, "mdp", "edgeoff's planner: exact MDP over the app's remaining DAG, expected time+energy incl. failures",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.EXCLUDE_SUSPECTED, FORECAST,
                ctx -> new DagMdpPolicy(ctx.costModel(), ctx.weights()));
        live(specs, "seed-mdp-svr", "the seed's per-task MDP on SVR-predicted availability, gamma 0.01, policy iteration",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, FORECAST,
                ctx -> new SeedTaskMdpPolicy("seed-mdp-svr", ctx.costModel(),
                        new SeedReward(ctx.weights()), SEED_MDP_SVR_DISCOUNT,
                        FailureEstimate.predictedAvailability(SEED_EDGE_THRESHOLD), site -> true));
        live(specs, "efpo", "EFPO (UCC 2019): per-task MDP, fp from MTBF, gamma 0.96; after a failure only the device",
                FailureResponse.DEVICE_ONLY, SuspicionResponse.IGNORE, List.of("MTBF"),
                ctx -> new SeedTaskMdpPolicy("efpo", ctx.costModel(),
                        new SeedReward(ctx.weights()), EFPO_DISCOUNT, FailureEstimate.mtbf(), site -> true));
        live(specs, "energy-efficient", "per-task MDP minimising device energy only (w_e = 1), failure-oblivious, gamma 0.96",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new SeedTaskMdpPolicy("energy-efficient",
                        ctx.costModel(), new SeedReward(new CostWeights(0, 1)), EFPO_DISCOUNT, FailureEstimate.none(),
                        site -> true));
        live(specs, "local", "every task on the device",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new LocalPolicy(ctx.costModel()));
        live(specs, "mobile-cloud", "per-task MDP over the device and cloud sites only, failure-oblivious, gamma 0.96",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new SeedTaskMdpPolicy("mobile-cloud", ctx.costModel(),
                        new SeedReward(ctx.weights()), EFPO_DISCOUNT, FailureEstimate.none(),
                        site -> site.kind() != SiteKind.EDGE));
        live(specs, "random", "a uniformly random feasible site (seeded)",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new RandomPolicy(ctx.costModel(), ctx.seed()));
        live(specs, "greedy", "the site with the least expected time, failure-oblivious; re-decides after a failure",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, ctx -> new FastestSitePolicy("greedy", ctx.costModel()));
        live(specs, "reactive", "fastest site, re-executed on the device after a failure, suspicion ignored (Kubernetes + "
                + "hybrid FT stand-in)",
                FailureResponse.DEVICE_ONLY, ctx -> new FastestSitePolicy("reactive", ctx.costModel()));
        specs.add(new PolicySpec(MyopicOraclePolicy.NAME,
                "diagnostic, simulator only: knows which sites are up now and takes the fastest for each task alone",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, true,
                ctx -> new MyopicOraclePolicy(ctx.costModel()), List.of("ground truth")));
        specs.add(new PolicySpec(ClairvoyantPolicy.NAME,
                "bound, simulator only: knows every future failure, plans each app's whole DAG for the least time",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, true,
                ctx -> new ClairvoyantPolicy(), List.of("future failures")));
        BUILT_INS = PolicyRegistry.of(specs).withRetired("oracle", "policy 'oracle' was renamed '"
                + MyopicOraclePolicy.NAME + "' (issue 18: it is myopic, the fastest up site per task); the bound on "
                + "response time is '" + ClairvoyantPolicy.NAME + "'");
    }

    private Policies() {
    }

    /** A baseline that reads nothing of the outlook and ignores suspicion. */
    private static void live(List<PolicySpec> specs, String name, String description, FailureResponse onFailure,
                             Function<PolicyContext, OffloadingPolicy> factory) {
        live(specs, name, description, onFailure, SuspicionResponse.IGNORE, List.of(), factory);
    }

    private static void live(List<PolicySpec> specs, String name, String description, FailureResponse onFailure,
                             SuspicionResponse onSuspicion, List<String> inputs,
                             Function<PolicyContext, OffloadingPolicy> factory) {
        specs.add(new PolicySpec(name, description, onFailure, onSuspicion, false, factory, inputs));
    }

    /** @return the built-in policies alone, without plug-ins */
    public static PolicyRegistry builtIns() {
        return BUILT_INS;
    }

    /**
     * The process's registry: the built-ins, the {@link PolicyProvider}s on the class path and, once
     * {@link #install}ed, those of the run's {@code --policy-path}, with its external policy settings. Without an
     * install, the class path's providers and {@link ExternalPolicySettings#ofDefaults()}.
     *
     * @return the registry (immutable, except that each {@code external:URL} entry is made on first use)
     */
    public static PolicyRegistry registry() {
        PolicyRegistry r = installed;
        if (r == null) {
            synchronized (Policies.class) {
                r = installed;
                if (r == null) {
                    r = load(List.of(), ExternalPolicySettings.ofDefaults());
                    installed = r;
                }
            }
        }
        return r;
    }

    /**
     * Makes the registry of this process the built-ins plus every {@link PolicyProvider} on the class path and in
     * {@code policyPath} (jars, or directories of jars, loaded at run time without rebuilding edgeoff), with external
     * policies called as {@code external} says. A command calls it once, before it looks up a policy.
     *
     * @return the new registry
     * @throws IllegalArgumentException naming the problem: a path that does not exist, a provider that fails, an
     *                                  invalid or duplicate name, an unknown fallback
     */
    public static PolicyRegistry install(List<Path> policyPath, ExternalPolicySettings external) {
        PolicyRegistry r = load(policyPath, external);
        synchronized (Policies.class) {
            installed = r;
        }
        return r;
    }

    private static PolicyRegistry load(List<Path> policyPath, ExternalPolicySettings external) {
        return BUILT_INS.withPlugins(PolicyLoader.load(policyPath, Policies.class.getClassLoader()))
                .withExternal(external);
    }

    /** @return the registered names, in registry order */
    public static List<String> names() {
        return registry().names();
    }

    /** @throws IllegalArgumentException naming the known policies when {@code name} is unknown */
    public static PolicySpec spec(String name) {
        return registry().spec(name);
    }

    public static String description(String name) {
        return spec(name).description();
    }

    /** What the placement loop does after a failed attempt under policy {@code name}. */
    public static FailureResponse onFailure(String name) {
        return spec(name).onFailure();
    }

    /** What the placement loop does with a suspected site under policy {@code name}. */
    public static SuspicionResponse onSuspicion(String name) {
        return spec(name).onSuspicion();
    }

    /** A new instance of policy {@code name} for one run (one thread). */
    public static OffloadingPolicy create(String name, PolicyContext context) {
        return spec(name).create(context);
    }

    /** Validates a comma-separated list of names, e.g. {@code mdp,efpo}. */
    public static List<String> parseList(String commaSeparated) {
        return registry().parseList(commaSeparated);
    }
}
