package io.edgeoff.device.runtime;

/**
 * Sees the bytes of every completed task: the input the device built for it (generated for a root of the DAG, else its
 * predecessors' outputs concatenated) and the output it got back. For tests and diagnostics; called from the task's
 * thread, so an implementation must be thread-safe and quick.
 */
@FunctionalInterface
public interface DataTap {
    /**
     * @param siteId  the site whose output this is
     */
    void task(String runId, int execution, int taskIndex, String siteId, byte[] input, byte[] output);

    DataTap NONE = (runId, execution, taskIndex, siteId, input, output) -> { };
}
