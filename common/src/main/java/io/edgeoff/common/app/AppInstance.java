package io.edgeoff.common.app;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One execution of an application: the DAG plus a drawn {@link TaskInstance} per task
 * (same index as {@link Application#tasks()}).
 */
public record AppInstance(Application application, List<TaskInstance> tasks) {
    public AppInstance {
        tasks = List.copyOf(tasks);
        if (tasks.size() != application.size()) {
            throw new IllegalArgumentException("application " + application.name() + " has " + application.size()
                    + " tasks, but " + tasks.size() + " instances were given");
        }
    }

    /**
     * Draws MI, input and output sizes of every task uniformly from its kind's ranges, in task order
     * (MI, in, out per task).
     */
    public static AppInstance draw(Application application, RandomGenerator random) {
        boolean[] sinks = application.sinks();
        List<TaskInstance> instances = new ArrayList<>(application.size());
        for (int i = 0; i < application.size(); i++) {
            TaskSpec spec = application.tasks().get(i);
            TaskKind kind = spec.kind();
            double mi = kind.millionInstructions().draw(random);
            double in = kind.inKB().draw(random);
            double out = kind.outKB().draw(random);
            instances.add(new TaskInstance(spec.name(), mi, in, out, spec.memoryGb(), spec.offloadable(), sinks[i]));
        }
        return new AppInstance(application, instances);
    }

    /** An instance with every task at the mean of its ranges (for explanations and planning). */
    public static AppInstance means(Application application) {
        boolean[] sinks = application.sinks();
        List<TaskInstance> instances = new ArrayList<>(application.size());
        for (int i = 0; i < application.size(); i++) {
            TaskSpec spec = application.tasks().get(i);
            TaskKind kind = spec.kind();
            instances.add(new TaskInstance(spec.name(), kind.millionInstructions().mean(), kind.inKB().mean(),
                    kind.outKB().mean(), spec.memoryGb(), spec.offloadable(), sinks[i]));
        }
        return new AppInstance(application, instances);
    }

    public int size() {
        return tasks.size();
    }

    public TaskInstance task(int index) {
        return tasks.get(index);
    }
}
