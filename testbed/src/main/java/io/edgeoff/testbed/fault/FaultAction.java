package io.edgeoff.testbed.fault;

/**
 * One step of a fault schedule, in wall time.
 *
 * @param atMillis wall milliseconds from the start of injection
 * @param siteId   the site acted on
 * @param begin    true when the fault begins, false when it ends
 * @param event    the fault
 */
public record FaultAction(long atMillis, String siteId, boolean begin, FaultEvent event) {

    /** A short description, e.g. {@code crash EC begins}. */
    public String describe() {
        return event.kind().label() + " " + siteId + (begin ? " begins" : " ends");
    }
}
