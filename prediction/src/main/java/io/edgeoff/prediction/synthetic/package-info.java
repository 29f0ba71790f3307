/**
 * Synthetic failure traces: the project's default trace when no trace file is given, generated from
 * distribution parameters fitted to the LANL data per seed category
 * ({@link io.edgeoff.prediction.synthetic.SyntheticTraces}, {@link io.edgeoff.prediction.synthetic.CategoryModel}).
 */
package io.edgeoff.prediction.synthetic;
