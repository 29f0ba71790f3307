package io.edgeoff.experiment;

/** What a live run reports while it runs: status lines and progress of the executions. */
public interface LiveListener extends LiveComparison.Progress {
    /** A status line (sites starting, warnings, the status page's address). */
    void log(String line);

    /** Ignores everything. */
    LiveListener NONE = new LiveListener() {
        @Override
        public void log(String line) {
        }

        @Override
        public void step(int done, int total, String label) {
        }
    };
}
