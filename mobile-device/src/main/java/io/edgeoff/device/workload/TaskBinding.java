package io.edgeoff.device.workload;

import io.edgeoff.common.app.Application;
import io.edgeoff.handlers.AntivirusHandler;
import io.edgeoff.handlers.BuiltInHandlers;
import io.edgeoff.handlers.ChessHandler;
import io.edgeoff.handlers.Effort;
import io.edgeoff.handlers.FaceRecognizerHandler;
import io.edgeoff.handlers.FacebookHandler;
import io.edgeoff.handlers.Forwarding;
import io.edgeoff.handlers.GpsNavigatorHandler;
import java.util.Map;
import java.util.Optional;

/**
 * Which code each task of an application runs: a task bound to a handler ({@link HandlerTask}) runs it on the device or
 * on a site, with real data flowing through the DAG; an unbound task is the seed's synthetic MI task (the compute
 * kernel paced to the rating, input bytes drawn at the scenario's sizes).
 */
@FunctionalInterface
public interface TaskBinding {
    /** @return the handler task {@code taskIndex} of {@code application} runs, or empty for the synthetic task */
    Optional<HandlerTask> of(Application application, int taskIndex);

    /**
     * The handler task of one drawn task: by default {@link #of(Application, int)}; a binding may set parameters from
     * the task's drawn work ({@link #builtIn()} sets the handler's {@code effortMi}).
     *
     * @param millionInstructions the task's drawn work in the scenario, MI, &gt;= 0
     */
    default Optional<HandlerTask> of(Application application, int taskIndex, double millionInstructions) {
        return of(application, taskIndex);
    }

    /** @return true when no task of any application is bound (the seed's synthetic workload) */
    default boolean synthetic() {
        return false;
    }

    /** Every task is the seed's synthetic MI task (the simulator's model; {@code --synthetic-tasks}). */
    TaskBinding SYNTHETIC = new TaskBinding() {
        @Override
        public Optional<HandlerTask> of(Application application, int taskIndex) {
            return Optional.empty();
        }

        @Override
        public boolean synthetic() {
            return true;
        }
    };

    /**
     * Root input sizes of the built-in handlers (their units, {@code BuiltInHandlers.input}), chosen so that a root's
     * data is of the order of the seed's data-intensive tasks' input (100-120 KB): antivirus 112 KiB of file, a 330 x
     * 330 px image (109 KB), a 75 x 75 road grid (about 130 KB), 110 KiB of feed; chess searches 5 plies on a
     * 60-byte position (without an effort; with one, its node budget decides the depth).
     */
    Map<String, Integer> BUILT_IN_ROOT_SIZES = Map.of(
            ChessHandler.NAME, 5,
            AntivirusHandler.NAME, 112 * 1024,
            FaceRecognizerHandler.NAME, 330,
            GpsNavigatorHandler.NAME, 75,
            FacebookHandler.NAME, 110 * 1024);

    /**
     * The seed scenario's applications bound to their built-in handlers ({@link BuiltInHandlers#SEED_APPLICATIONS}):
     * every task of an application, offloadable or not (a task that may not leave the device runs the handler there),
     * runs the application's handler with {@code forward=true} ({@code io.edgeoff.handlers.Forwarding}), so each
     * task's output is a valid input of its successors. A drawn task ({@link #of(Application, int, double)}) also gets
     * {@code effortMi} ({@code io.edgeoff.handlers.Effort}): its drawn MI rounded, at most {@code Effort.MAX_MI}, so the
     * handler does genuine work of the scenario's order of magnitude for it. An application without a built-in handler
     * stays synthetic.
     */
    static TaskBinding builtIn() {
        return new TaskBinding() {
            @Override
            public Optional<HandlerTask> of(Application application, int taskIndex) {
                return BuiltInHandlers.handlerOf(application.name())
                        .map(h -> new HandlerTask(h, Map.of(Forwarding.PARAMETER, "true"), BUILT_IN_ROOT_SIZES.get(h)));
            }

            @Override
            public Optional<HandlerTask> of(Application application, int taskIndex, double millionInstructions) {
                if (!(millionInstructions >= 0)) {
                    throw new IllegalArgumentException("millionInstructions must be >= 0, but was "
                            + millionInstructions);
                }
                long effort = Math.min(Effort.MAX_MI, Math.round(millionInstructions));
                return of(application, taskIndex).map(t -> new HandlerTask(t.handler(), Map.of(Forwarding.PARAMETER,
                        "true", Effort.PARAMETER, Long.toString(effort)), t.rootInputSize()));
            }
        };
    }
}
