package io.edgeoff.decision;

import java.util.List;

/**
 * The service-provider interface of policy plug-ins: a jar that implements it and names the class in
 * {@code META-INF/services/io.edgeoff.decision.PolicyProvider} adds its policies to the registry ({@link Policies})
 * without edgeoff being rebuilt, found through {@link java.util.ServiceLoader} on the class path or in the jars given
 * with {@code --policy-path} ({@link io.edgeoff.decision.plugin.PolicyLoader}).
 *
 * <p>Each entry is a full {@link PolicySpec}: its name (1 to 64 characters of a-z A-Z 0-9 . _ -, starting with a
 * letter or digit, unique among the built-ins and every other provider), a one-line description, how the placement
 * loop responds to a failed attempt ({@link FailureResponse}) and to a suspected site ({@link SuspicionResponse}),
 * whether it needs the simulator's ground truth, and the factory of one instance per run. The instance receives
 * the same {@link DecisionRequest}s as the built-in policies, in the simulator and on the device. See
 * {@code docs/POLICY-PLUGINS.md} and {@code examples/example-policy}.
 *
 * <p>Implementations need a public no-argument constructor.
 */
public interface PolicyProvider {

    /** @return the policies this provider adds, in the order {@code edgeoff policies} lists them */
    List<PolicySpec> policies();
}
