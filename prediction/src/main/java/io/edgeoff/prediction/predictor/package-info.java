/**
 * Availability predictors: a {@link io.edgeoff.prediction.predictor.Predictor.Trainer} trains an immutable
 * {@link io.edgeoff.prediction.predictor.Predictor} on one node's availability history; the registry
 * {@link io.edgeoff.prediction.predictor.Predictors} creates trainers by name ({@code svr}, {@code svr-tuned},
 * {@code last}, {@code mean}, {@code ewma}, {@code weibull}, ...).
 */
package io.edgeoff.prediction.predictor;
