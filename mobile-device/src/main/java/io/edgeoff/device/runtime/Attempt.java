package io.edgeoff.device.runtime;

import io.edgeoff.common.cost.PlanningInputs;

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
 * @param inputs        the link and queue estimates the policy planned this attempt with (measured or prior, per
 *                      site); {@link PlanningInputs#none()} when it planned with the scenario's values or the
 *                      placement loop chose the device without asking the policy
 * @param handlerTiming the handler profile's prediction and the measured execution time of a successful attempt of a
 *                      handler task; null for a synthetic task, a failed attempt, or when the device does not
 *                      learn handler costs
 * @param cell          the edge cell the device was in when the attempt started; "" for a device without cells
 * @param finishedOverOldPath true when the device changed cell while the attempt was in flight and the attempt
 *                      completed over the links it started with (handover rule {@code finish-old-path})
 */
public record Attempt(int siteIndex, String siteId, FailureKind failure, String detail, double seconds,
                      double energyJoules, PlanningInputs inputs, HandlerTiming handlerTiming, String cell,
                      boolean finishedOverOldPath) {
    public Attempt {
        java.util.Objects.requireNonNull(inputs, "inputs");
        java.util.Objects.requireNonNull(cell, "cell");
    }

    /** An attempt of a device without cells. */
    public Attempt(int siteIndex, String siteId, FailureKind failure, String detail, double seconds,
                   double energyJoules, PlanningInputs inputs, HandlerTiming handlerTiming) {
        this(siteIndex, siteId, failure, detail, seconds, energyJoules, inputs, handlerTiming, "", false);
    }

    /** An attempt of a synthetic task, or a failed one. */
    public Attempt(int siteIndex, String siteId, FailureKind failure, String detail, double seconds,
                   double energyJoules, PlanningInputs inputs) {
        this(siteIndex, siteId, failure, detail, seconds, energyJoules, inputs, null);
    }

    /** An attempt planned with the scenario's values. */
    public Attempt(int siteIndex, String siteId, FailureKind failure, String detail, double seconds,
                   double energyJoules) {
        this(siteIndex, siteId, failure, detail, seconds, energyJoules, PlanningInputs.none());
    }

    /** This attempt, planned with {@code used}. */
    public Attempt plannedWith(PlanningInputs used) {
        return new Attempt(siteIndex, siteId, failure, detail, seconds, energyJoules, used, handlerTiming, cell,
                finishedOverOldPath);
    }

    /** This attempt with {@code timing}. */
    public Attempt timed(HandlerTiming timing) {
        return new Attempt(siteIndex, siteId, failure, detail, seconds, energyJoules, inputs, timing, cell,
                finishedOverOldPath);
    }

    /** This attempt, started in {@code cell}, finished over its old path or not. */
    public Attempt inCell(String cell, boolean finishedOverOldPath) {
        return new Attempt(siteIndex, siteId, failure, detail, seconds, energyJoules, inputs, handlerTiming, cell,
                finishedOverOldPath);
    }

    /** @return true when the attempt was abandoned at a handover ({@link FailureKind#HANDOVER}) */
    public boolean handoverInterrupted() {
        return failure == FailureKind.HANDOVER;
    }

    public boolean succeeded() {
        return failure == null;
    }
}
