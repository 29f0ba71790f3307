package io.edgeoff.device.runtime;

import io.edgeoff.device.client.FailureKind;

/**
 * One attempt to run a task on one site.
 *
 * @param siteIndex     site index in the scenario
 * @param siteId        site id
 * @param failure       how the attempt failed, or null when it succeeded
 * @param detail        failure detail, empty on success
 * @param seconds       measured duration of the attempt (emulated transfers included), s
 * @param energyJoules  device energy during the attempt, J
 */
public record Attempt(int siteIndex, String siteId, FailureKind failure, String detail, double seconds,
                      double energyJoules) {
    public boolean succeeded() {
        return failure == null;
    }
}
