/**
 * External policies over HTTP/JSON, in any language: {@link io.edgeoff.decision.external.ExternalPolicy} POSTs each
 * decision request in the versioned wire format of {@link io.edgeoff.decision.external.ExternalWire}
 * ({@code docs/POLICY-PLUGINS.md}, {@code docs/policy-plugin-schema.json}) over a persistent JDK
 * {@code java.net.http} connection, within a time budget, and falls back to a built-in policy when the answer is
 * late, the policy is down or it answers nonsense; {@link io.edgeoff.decision.external.ExternalPolicyStats} counts
 * each fallback by {@link io.edgeoff.decision.external.FallbackCause}. The JDK client is the only HTTP here: the
 * decision engine still knows nothing of the site's HTTP API.
 */
package io.edgeoff.decision.external;
