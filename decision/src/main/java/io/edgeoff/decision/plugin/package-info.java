/**
 * Policy plug-ins in Java: {@link io.edgeoff.decision.plugin.PolicyLoader} finds
 * {@link io.edgeoff.decision.PolicyProvider}s through {@link java.util.ServiceLoader} on the class path and in jars
 * given at run time ({@code --policy-path}), and checks their names.
 */
package io.edgeoff.decision.plugin;
