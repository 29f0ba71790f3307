/**
 * The compute kernel that executes a task's work: real hashing of the task's input into its output,
 * paced so that a task of {@code MI} million instructions takes {@code MI / MIPS} seconds at the
 * executing site's rating.
 */
package io.edgeoff.device.kernel;
