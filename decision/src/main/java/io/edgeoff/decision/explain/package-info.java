/**
 * Explains what a policy decides for an application or a single task (backs {@code edgeoff decide}).
 */
package io.edgeoff.decision.explain;
