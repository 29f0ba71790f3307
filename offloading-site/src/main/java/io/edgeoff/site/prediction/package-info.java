/**
 * The site's prediction engine (step 2a): forecasts of its availability for the next slots, from a
 * model of the {@code prediction} module trained on the site's history.
 */
package io.edgeoff.site.prediction;
