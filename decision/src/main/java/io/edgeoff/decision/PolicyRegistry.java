package io.edgeoff.decision;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, ordered set of {@link PolicySpec}s by name. The product's registry is {@link Policies#registry()};
 * a test adds tiny policies of its own with {@link #with(PolicySpec...)}, which returns a new registry.
 */
public final class PolicyRegistry {
    private final Map<String, PolicySpec> specs;
    /** Names no longer registered, to what to say instead of "unknown policy". */
    private final Map<String, String> retired;

    private PolicyRegistry(Map<String, PolicySpec> specs, Map<String, String> retired) {
        this.specs = specs;
        this.retired = retired;
    }

    /** A registry of {@code specs}, in that order. */
    public static PolicyRegistry of(List<PolicySpec> specs) {
        return new PolicyRegistry(Map.of(), Map.of()).with(specs.toArray(PolicySpec[]::new));
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
        return new PolicyRegistry(specs, java.util.Collections.unmodifiableMap(all));
    }

    /** This registry plus {@code extra} (appended in order); a name may appear only once. */
    public PolicyRegistry with(PolicySpec... extra) {
        Map<String, PolicySpec> all = new LinkedHashMap<>(specs);
        for (PolicySpec spec : extra) {
            if (all.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("policy '" + spec.name() + "' is registered twice");
            }
        }
        return new PolicyRegistry(java.util.Collections.unmodifiableMap(all), retired);
    }

    /** @return the registered names, in registry order */
    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    /** @return every entry, in registry order */
    public List<PolicySpec> specs() {
        return List.copyOf(specs.values());
    }

    /** @throws IllegalArgumentException naming the known policies when {@code name} is unknown */
    public PolicySpec spec(String name) {
        PolicySpec spec = specs.get(name);
        if (spec == null && retired.containsKey(name)) {
            throw new IllegalArgumentException(retired.get(name));
        }
        if (spec == null) {
            throw new IllegalArgumentException("unknown policy '" + name + "'; known policies: "
                    + String.join(", ", specs.keySet()));
        }
        return spec;
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
        names.forEach(this::spec);
        return names;
    }
}
