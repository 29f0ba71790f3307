/**
 * The failure monitor (step 1a of the seed's workflow): the site's own failure events in a durable,
 * append-only, checksummed {@link io.edgeoff.site.failure.FailureFile}, recovered at start-up, and
 * the down intervals they imply ({@link io.edgeoff.site.failure.FailureHistory}).
 */
package io.edgeoff.site.failure;
