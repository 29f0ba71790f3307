/** {@code edgeoff trace ...} and {@code edgeoff predict ...}: failure traces, availability series and predictors. */
package io.edgeoff.cli.prediction;
