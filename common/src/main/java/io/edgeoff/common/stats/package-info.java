/**
 * Sample statistics shared by every module that reports a mean: {@link io.edgeoff.common.stats.MeanInterval}
 * (mean with the half-width of its 95 % confidence interval, Student's t with {@code n - 1} degrees of freedom)
 * and {@link io.edgeoff.common.stats.IntervalFormat} (the one way an undefined half-width, {@code n = 1}, is
 * written: "n/a" in text, an empty CSV field, {@code null} in JSON).
 */
package io.edgeoff.common.stats;
