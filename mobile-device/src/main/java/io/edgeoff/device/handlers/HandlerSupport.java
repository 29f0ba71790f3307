package io.edgeoff.device.handlers;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.decision.placement.TaskSupport;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Which remote sites can run a task: a task bound to a handler runs only where the site advertises that handler
 * ({@code handlers} of {@code GET /v1/resources}); a task with no handler (the synthetic MI task) runs anywhere. The
 * placement loop excludes the other sites ({@link TaskSupport}).
 */
public final class HandlerSupport implements TaskSupport {
    private final BiFunction<AppInstance, Integer, Optional<String>> handlerOf;
    private final IntFunction<List<String>> handlersOfSite;

    /**
     * @param handlerOf       the handler a task runs, if any (application instance, task index)
     * @param handlersOfSite  the handlers a site advertises, by site index (empty when unknown)
     */
    public HandlerSupport(BiFunction<AppInstance, Integer, Optional<String>> handlerOf,
                          IntFunction<List<String>> handlersOfSite) {
        this.handlerOf = handlerOf;
        this.handlersOfSite = handlersOfSite;
    }

    @Override
    public boolean canRun(int site, AppInstance app, int task) {
        Optional<String> handler = handlerOf.apply(app, task);
        return handler.isEmpty() || handlersOfSite.apply(site).contains(handler.get());
    }
}
