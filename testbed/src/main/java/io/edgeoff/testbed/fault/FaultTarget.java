package io.edgeoff.testbed.fault;

/** What the injector acts on (the running test-bed, or a recorder in tests). */
public interface FaultTarget {
    /** Kills the site's process (SIGKILL). */
    void crash(String siteId);

    /** Starts the site's process again. */
    void recover(String siteId);

    void linkDown(String siteId);

    void linkUp(String siteId);

    void degrade(String siteId, double extraDelayMillis, double lossProbability);

    void restore(String siteId);
}
