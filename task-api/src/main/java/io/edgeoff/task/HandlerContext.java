package io.edgeoff.task;

/** What a running handler may ask of its call: whether it should stop. */
public interface HandlerContext {
    /**
     * Returns when the call may go on; throws {@link HandlerException} ({@code TIME_BUDGET_EXCEEDED},
     * {@code MEMORY_BUDGET_EXCEEDED} or {@code CANCELLED}) when it should stop. Cheap enough to call
     * every few thousand steps of a loop.
     */
    void checkpoint();

    /** A context that never stops a call (for tests and direct use). */
    static HandlerContext unlimited() {
        return () -> {
        };
    }
}
