package io.edgeoff.decision.placement;

import io.edgeoff.common.app.AppInstance;

/**
 * Whether a remote site can run a task at all: a task that needs a task handler ({@code docs/HANDLERS.md}) cannot
 * run on a site that lacks it. The {@link PlacementLoop} excludes such sites before it asks the policy. The device
 * always can (it is the loop's fallback).
 */
@FunctionalInterface
public interface TaskSupport {
    /** Every site runs every task (synthetic MI tasks: every site runs the kernel). */
    TaskSupport ALL = (site, app, task) -> true;

    /**
     * @param site  a remote site's index in the scenario's site order
     * @param app   the application instance
     * @param task  the task's index in {@code app}
     * @return true when {@code site} can run the task
     */
    boolean canRun(int site, AppInstance app, int task);
}
