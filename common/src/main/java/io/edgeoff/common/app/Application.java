package io.edgeoff.common.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application as a directed acyclic graph of tasks. Validated on construction: unique task
 * names, edges between known tasks, no self-loops and no cycle (the message names the cycle).
 * Task indices follow the order of {@link #tasks()}; {@link #topologicalOrder()} is stable
 * (Kahn's algorithm, lowest index first).
 */
public record Application(String name, List<TaskSpec> tasks, List<DagEdge> edges) {
    public Application {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("application name must not be blank");
        }
        tasks = List.copyOf(tasks);
        edges = List.copyOf(edges);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("application " + name + " has no tasks");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (index.put(tasks.get(i).name(), i) != null) {
                throw new IllegalArgumentException(
                        "application " + name + ": duplicate task name " + tasks.get(i).name());
            }
        }
        Set<DagEdge> seen = new HashSet<>();
        for (DagEdge edge : edges) {
            if (!index.containsKey(edge.from())) {
                throw new IllegalArgumentException(
                        "application " + name + ": edge " + edge.from() + " -> " + edge.to() + " starts at unknown task " + edge.from());
            }
            if (!index.containsKey(edge.to())) {
                throw new IllegalArgumentException(
                        "application " + name + ": edge " + edge.from() + " -> " + edge.to() + " ends at unknown task " + edge.to());
            }
            if (!seen.add(edge)) {
                throw new IllegalArgumentException(
                        "application " + name + ": duplicate edge " + edge.from() + " -> " + edge.to());
            }
        }
        List<String> cycle = findCycle(tasks, edges, index);
        if (!cycle.isEmpty()) {
            throw new IllegalArgumentException(
                    "application " + name + " is not a DAG: cycle " + String.join(" -> ", cycle));
        }
    }

    public int size() {
        return tasks.size();
    }

    public int indexOf(String taskName) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).name().equals(taskName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("application " + name + " has no task " + taskName);
    }

    /** @return for each task index, the indices of its direct predecessors (ascending) */
    public int[][] predecessors() {
        return adjacency(true);
    }

    /** @return for each task index, the indices of its direct successors (ascending) */
    public int[][] successors() {
        return adjacency(false);
    }

    /** @return for each task index, whether it has no successor (its output goes back to the user) */
    public boolean[] sinks() {
        int[][] succ = successors();
        boolean[] sink = new boolean[tasks.size()];
        for (int i = 0; i < sink.length; i++) {
            sink[i] = succ[i].length == 0;
        }
        return sink;
    }

    /** @return task indices in a stable topological order */
    public int[] topologicalOrder() {
        int n = tasks.size();
        int[][] pred = predecessors();
        int[][] succ = successors();
        int[] missing = new int[n];
        for (int i = 0; i < n; i++) {
            missing[i] = pred[i].length;
        }
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (missing[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int t = ready.poll();
            order[k++] = t;
            for (int s : succ[t]) {
                if (--missing[s] == 0) {
                    ready.add(s);
                }
            }
        }
        return order;
    }

    /**
     * The seed's ready sets ("epochs"): tasks whose predecessors all finished run together.
     * @return list of epochs, each the ascending task indices that become ready together
     */
    public List<int[]> epochs() {
        int n = tasks.size();
        int[][] pred = predecessors();
        boolean[] done = new boolean[n];
        List<int[]> epochs = new ArrayList<>();
        int remaining = n;
        while (remaining > 0) {
            List<Integer> ready = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!done[i] && Arrays.stream(pred[i]).allMatch(p -> done[p])) {
                    ready.add(i);
                }
            }
            for (int i : ready) {
                done[i] = true;
            }
            remaining -= ready.size();
            epochs.add(ready.stream().mapToInt(Integer::intValue).toArray());
        }
        return List.copyOf(epochs);
    }

    private int[][] adjacency(boolean incoming) {
        int n = tasks.size();
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        for (DagEdge edge : edges) {
            int from = indexOf(edge.from());
            int to = indexOf(edge.to());
            if (incoming) {
                lists.get(to).add(from);
            } else {
                lists.get(from).add(to);
            }
        }
        int[][] result = new int[n][];
        for (int i = 0; i < n; i++) {
            result[i] = lists.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return result;
    }

    private static List<String> findCycle(List<TaskSpec> tasks, List<DagEdge> edges, Map<String, Integer> index) {
        int n = tasks.size();
        List<List<Integer>> succ = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            succ.add(new ArrayList<>());
        }
        for (DagEdge edge : edges) {
            succ.get(index.get(edge.from())).add(index.get(edge.to()));
        }
        int[] state = new int[n]; // 0 new, 1 on stack, 2 done
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            Deque<int[]> stack = new ArrayDeque<>();
            stack.push(new int[] {start, 0});
            state[start] = 1;
            while (!stack.isEmpty()) {
                int[] frame = stack.peek();
                int node = frame[0];
                if (frame[1] < succ.get(node).size()) {
                    int next = succ.get(node).get(frame[1]++);
                    if (state[next] == 1) {
                        List<String> cycle = new ArrayList<>();
                        cycle.add(tasks.get(next).name());
                        for (int cur = node; cur != next; cur = parent[cur]) {
                            cycle.add(1, tasks.get(cur).name());
                        }
                        cycle.add(tasks.get(next).name());
                        return cycle;
                    }
                    if (state[next] == 0) {
                        state[next] = 1;
                        parent[next] = node;
                        stack.push(new int[] {next, 0});
                    }
                } else {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
        return List.of();
    }
}
