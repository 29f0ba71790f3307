package io.edgeoff.device.profiler;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.app.TaskSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates what each task needs before it runs. The prior is the parameter database's description of
 * the task's kind (the mean of its MI and output ranges), counted as one sample. Every measured execution
 * adds a sample: the work is {@code executionSeconds * MIPS} of the site that ran it (the kernel runs at
 * its rating) and the output size is the bytes returned. The estimate is an incremental mean of the first
 * {@code window} samples, then an exponentially weighted mean with weight {@code 1 / window}
 * (default window 10).
 *
 * <p>{@link #plan(AppInstance)} gives the decision engine what the device can know before running a task:
 * the real input size (the device holds the input), and the estimated work and output size. Thread-safe.
 */
public final class ApplicationProfiler {
    private final int window;
    private final boolean exact;
    private final Map<String, TaskProfile> profiles = new HashMap<>();

    public ApplicationProfiler(int window) {
        this(window, false);
    }

    private ApplicationProfiler(int window, boolean exact) {
        if (window < 1) {
            throw new IllegalArgumentException("profiler window must be >= 1, but was " + window);
        }
        this.window = window;
        this.exact = exact;
    }

    /**
     * A profiler that plans every task with its actual size, as the simulator's decisions do (the twin test of the
     * simulated and live placement loops; a device cannot know sizes before running, so only tests use it).
     */
    public static ApplicationProfiler exact() {
        return new ApplicationProfiler(1, true);
    }

    public ApplicationProfiler() {
        this(10);
    }

    /** @return the current estimate for task {@code taskIndex} of {@code application} */
    public synchronized TaskProfile profile(Application application, int taskIndex) {
        return profiles.computeIfAbsent(key(application, taskIndex), k -> prior(application.tasks().get(taskIndex)));
    }

    /** Folds in one measured execution of task {@code taskIndex}. */
    public synchronized void observe(Application application, int taskIndex, double executionSeconds, double mips,
                                     double outKB) {
        if (!(executionSeconds >= 0) || !(mips > 0)) {
            return;
        }
        TaskProfile current = profile(application, taskIndex);
        profiles.put(key(application, taskIndex), current.observe(executionSeconds * mips, outKB, window));
    }

    /** The instance as the device sees it before running: real input sizes, estimated work and output. */
    public synchronized AppInstance plan(AppInstance actual) {
        if (exact) {
            return actual;
        }
        Application app = actual.application();
        List<TaskInstance> planned = new ArrayList<>(actual.size());
        for (int i = 0; i < actual.size(); i++) {
            TaskInstance t = actual.task(i);
            TaskProfile p = profile(app, i);
            planned.add(new TaskInstance(t.name(), p.millionInstructions(), t.inKB(), p.outKB(), t.memoryGb(),
                    t.offloadable(), t.sink()));
        }
        return new AppInstance(app, planned);
    }

    private static TaskProfile prior(TaskSpec spec) {
        return new TaskProfile(spec.kind().millionInstructions().mean(), spec.kind().outKB().mean(), 1);
    }

    private static String key(Application application, int taskIndex) {
        return application.name() + "/" + taskIndex;
    }
}
