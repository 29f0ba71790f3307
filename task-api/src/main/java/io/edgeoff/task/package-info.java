/**
 * The task-handler API: what a developer implements to offload their own code with edgeoff.
 *
 * <p>A {@link io.edgeoff.task.TaskHandler} is a named, stateless function from input bytes and
 * string parameters to output bytes. Handlers are found by name through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.edgeoff.task.TaskHandler}) from the jars on a class path
 * ({@link io.edgeoff.task.HandlerRegistry}); the same handler runs on the device (local execution)
 * and on every site that has its jar. {@link io.edgeoff.task.HandlerRunner} runs one call within a
 * time, memory and output budget and turns every way it can go wrong into a
 * {@link io.edgeoff.task.HandlerException} with its own {@link io.edgeoff.task.HandlerException.Cause}.
 * The module depends on the JDK only (see {@code docs/HANDLERS.md}).
 */
package io.edgeoff.task;
