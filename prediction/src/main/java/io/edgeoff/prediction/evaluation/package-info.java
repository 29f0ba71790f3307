/**
 * Honest evaluation of availability predictors: protocols ({@code chronological}, {@code walk-forward}, and the
 * seed's shuffled {@code random} split for comparison) and metrics (NRMSE, RMSE, MAE, R^2, epsilon-insensitive
 * risk, Brier score of "the slot has an outage").
 */
package io.edgeoff.prediction.evaluation;
