/**
 * The prediction engine (seed workflow steps 1a and 2a): failure traces ({@link io.edgeoff.prediction.trace}),
 * per-node availability series ({@link io.edgeoff.prediction.availability}), availability predictors
 * ({@link io.edgeoff.prediction.predictor}), synthetic traces fitted to LANL
 * ({@link io.edgeoff.prediction.synthetic}) and honest evaluation protocols
 * ({@link io.edgeoff.prediction.evaluation}).
 */
package io.edgeoff.prediction;
