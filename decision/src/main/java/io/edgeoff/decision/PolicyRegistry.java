package io.edgeoff.decision;

import io.edgeoff.decision.external.ExternalPolicy;
import io.edgeoff.decision.external.ExternalPolicySettings;
import io.edgeoff.decision.external.ExternalPolicyStats;
import io.edgeoff.decision.plugin.PolicyLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable, ordered set of {@link PolicySpec}s by name. The product's registry is {@link Policies#registry()};
 * a test adds tiny policies of its own with {@link #with(PolicySpec...)}, which returns a new registry. Plug-ins join
 * with {@link #withPlugins} (Java, from {@link PolicyProvider}s) and every name {@code external:URL} resolves to an
 * {@link ExternalPolicy} called as {@link #external()} says (one entry, endpoint and set of counters per URL, made on
 * first use).
 */
public final class PolicyRegistry {
    private static final String BUILT_IN = "built-in";

    private final Map<String, PolicySpec> specs;
    private final Map<String, String> origins;
    private final ExternalPolicySettings external;
    private final Map<String, External> externals = new ConcurrentHashMap<>();
    /** Names no longer registered, to what to say instead of "unknown policy". */
    private final Map<String, String> retired;

    private PolicyRegistry(Map<String, PolicySpec> specs, Map<String, String> origins, ExternalPolicySettings external,
                           Map<String, String> retired) {
        this.specs = specs;
        this.origins = origins;
        this.external = external;
        this.retired = retired;
    }

    /** A registry of {@code specs}, in that order. */
    public static PolicyRegistry of(List<PolicySpec> specs) {
        return new PolicyRegistry(Map.of(), Map.of(), ExternalPolicySettings.ofDefaults(), Map.of())
                .with(specs.toArray(PolicySpec[]::new));
    }

    /**
     * This registry, where looking up {@code name} (no longer registered, e.g. renamed) fails with {@code message}.
     */
    public PolicyRegistry withRetired(String name, String message) {
        if (specs.containsKey(name)) {
            throw new IllegalArgumentException("policy '" + name + "' is registered; it cannot be retired");
        }
        Map<String, String> all = new LinkedHashMap<>(retired);
        all.put(name, message);
        return new PolicyRegistry(specs, origins, external, java.util.Collections.unmodifiableMap(all));
    }

    /** This registry plus {@code extra} (appended in order); a name may appear only once. */
    public PolicyRegistry with(PolicySpec... extra) {
        List<PolicyLoader.LoadedPolicy> loaded = new ArrayList<>();
        for (PolicySpec spec : extra) {
            loaded.add(new PolicyLoader.LoadedPolicy(spec, BUILT_IN));
        }
        return withPlugins(loaded);
    }

    /**
     * This registry plus plug-in policies (appended in order).
     *
     * @throws IllegalArgumentException when a name is taken, naming both origins, or starts with {@code external:}
     */
    public PolicyRegistry withPlugins(List<PolicyLoader.LoadedPolicy> plugins) {
        Map<String, PolicySpec> all = new LinkedHashMap<>(specs);
        Map<String, String> from = new LinkedHashMap<>(origins);
        for (PolicyLoader.LoadedPolicy plugin : plugins) {
            String name = plugin.spec().name();
            if (name.startsWith(ExternalPolicy.PREFIX)) {
                throw new IllegalArgumentException("policy '" + name + "' of " + plugin.origin() + " may not start with "
                        + ExternalPolicy.PREFIX);
            }
            if (all.putIfAbsent(name, plugin.spec()) != null) {
                String first = from.get(name);
                throw new IllegalArgumentException(BUILT_IN.equals(first) && BUILT_IN.equals(plugin.origin())
                        ? "policy '" + name + "' is registered twice"
                        : "policy '" + name + "' is registered twice: by " + first + " and by " + plugin.origin()
                        + "; rename one or remove its jar from the class path / --policy-path");
            }
            from.put(name, plugin.origin());
        }
        return new PolicyRegistry(java.util.Collections.unmodifiableMap(all),
                java.util.Collections.unmodifiableMap(from), external, retired);
    }

    /**
     * This registry with external policies called as {@code settings} says.
     *
     * @throws IllegalArgumentException when the fallback is unknown or needs the simulator's ground truth
     */
    public PolicyRegistry withExternal(ExternalPolicySettings settings) {
        Objects.requireNonNull(settings, "settings");
        PolicySpec fallback = specs.get(settings.fallback());
        if (fallback == null) {
            throw new IllegalArgumentException("unknown external policy fallback '" + settings.fallback()
                    + "'; known policies: " + String.join(", ", specs.keySet()));
        }
        if (fallback.needsGroundTruth()) {
            throw new IllegalArgumentException("external policy fallback '" + settings.fallback()
                    + "' needs the simulator's ground truth; choose a live policy");
        }
        return new PolicyRegistry(specs, origins, settings, retired);
    }

    /** @return how external policies are called (time budget, fallback) */
    public ExternalPolicySettings external() {
        return external;
    }

    /** @return the registered names, in registry order (external policies are not listed: any URL is one) */
    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    /** @return every entry, in registry order */
    public List<PolicySpec> specs() {
        return List.copyOf(specs.values());
    }

    /** @return where {@code name} comes from: {@code built-in}, a provider class and its jar, or {@code external} */
    public String origin(String name) {
        if (name.startsWith(ExternalPolicy.PREFIX)) {
            return "external";
        }
        spec(name);
        return origins.getOrDefault(name, BUILT_IN);
    }

    /** @throws IllegalArgumentException naming the known policies when {@code name} is unknown */
    public PolicySpec spec(String name) {
        PolicySpec spec = specs.get(name);
        if (spec != null) {
            return spec;
        }
        if (retired.containsKey(name)) {
            throw new IllegalArgumentException(retired.get(name));
        }
        if (name.startsWith(ExternalPolicy.PREFIX)) {
            return externals.computeIfAbsent(name, this::external).spec();
        }
        throw new IllegalArgumentException("unknown policy '" + name + "'; known policies: "
                + String.join(", ", specs.keySet()) + ", " + ExternalPolicy.PREFIX + "URL");
    }

    /** @return the counts of every external policy this registry has resolved, in name order */
    public List<ExternalPolicyStats.Report> externalReports() {
        return externals.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().endpoint().stats().snapshot(e.getKey(), external.fallback())).toList();
    }

    /** @return the report of the external policy {@code name}, resolved before */
    public java.util.Optional<ExternalPolicyStats.Report> externalReport(String name) {
        External e = externals.get(name);
        return e == null ? java.util.Optional.empty()
                : java.util.Optional.of(e.endpoint().stats().snapshot(name, external.fallback()));
    }

    private External external(String name) {
        ExternalPolicy.Endpoint endpoint = new ExternalPolicy.Endpoint(
                ExternalPolicy.Endpoint.parse(name.substring(ExternalPolicy.PREFIX.length())), external.budget());
        PolicySpec fallback = spec(external.fallback());
        PolicySpec spec = new PolicySpec(name, "external policy over HTTP/JSON (" + ExternalPolicy.PREFIX + "URL), "
                + "budget " + external.budget().toMillis() + " ms, fallback " + external.fallback(),
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.EXCLUDE_SUSPECTED, false,
                ctx -> new ExternalPolicy(name, endpoint, fallback.create(ctx), ctx.costModel(), ctx.weights()),
                List.of("external"));
        return new External(spec, endpoint);
    }

    private record External(PolicySpec spec, ExternalPolicy.Endpoint endpoint) {
    }

    /** Validates a comma-separated list of names, e.g. {@code mdp,efpo}. */
    public List<String> parseList(String commaSeparated) {
        return parseList("", commaSeparated);
    }

    /**
     * Validates a comma-separated list of names given for {@code option} (named in the messages when not empty).
     */
    public List<String> parseList(String option, String commaSeparated) {
        String prefix = option.isEmpty() ? "" : option + ": ";
        List<String> names = Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException(prefix + "no policy given; known policies: "
                    + String.join(", ", specs.keySet()));
        }
        try {
            names.forEach(this::spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + e.getMessage(), e);
        }
        return names;
    }
}
