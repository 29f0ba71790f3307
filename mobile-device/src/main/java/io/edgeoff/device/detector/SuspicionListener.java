package io.edgeoff.device.detector;

/** Told when the detector starts or stops suspecting a site. Called on the detector's thread: return quickly. */
public interface SuspicionListener {
    void suspected(String siteId, String cause);

    default void trusted(String siteId) {
    }
}
