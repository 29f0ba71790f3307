/**
 * Plug-in jars given at run time, shared by the site's and device's task handlers
 * ({@code io.edgeoff.task.HandlerRegistry}, {@code --handler-path}) and the decision engine's policy plug-ins
 * ({@code io.edgeoff.decision.plugin.PolicyLoader}, {@code --policy-path}): which jars a path names, and the
 * {@link java.util.ServiceLoader} walk that turns a broken provider into one {@link IllegalArgumentException}. In
 * task-api because that module depends on the JDK only, so both the handler API and the decision engine can use it
 * without a cycle.
 */
package io.edgeoff.plugin;
