package io.edgeoff.decision;

import io.edgeoff.common.app.Application;

/**
 * Which site a task's input comes from. A task with several predecessors takes as its "previous
 * site" the site of its predecessor that comes last in the application's topological order; a task
 * without predecessors starts from the device. The live device, the simulator and the planners all
 * use this one rule, so their costs agree.
 */
public final class DagPlacement {
    private DagPlacement() {
    }

    /**
     * The designated predecessor of every task: the predecessor latest in {@link Application#topologicalOrder()},
     * or -1 for an entry task.
     */
    public static int[] designatedPredecessors(Application application) {
        int[] order = application.topologicalOrder();
        int[] position = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
        int[][] predecessors = application.predecessors();
        int[] designated = new int[application.size()];
        for (int task = 0; task < designated.length; task++) {
            int best = -1;
            for (int p : predecessors[task]) {
                if (best < 0 || position[p] > position[best]) {
                    best = p;
                }
            }
            designated[task] = best;
        }
        return designated;
    }

    /**
     * @param placement   site index per task, -1 where not finished
     * @param deviceIndex the device's site index
     * @return the site the input of {@code task} comes from
     * @throws IllegalArgumentException if the designated predecessor has not finished
     */
    public static int previousSite(Application application, int task, int[] placement, int deviceIndex) {
        int predecessor = designatedPredecessors(application)[task];
        if (predecessor < 0) {
            return deviceIndex;
        }
        if (placement[predecessor] < 0) {
            throw new IllegalArgumentException("task " + application.tasks().get(task).name()
                    + " is not ready: its predecessor " + application.tasks().get(predecessor).name()
                    + " has not finished");
        }
        return placement[predecessor];
    }
}
