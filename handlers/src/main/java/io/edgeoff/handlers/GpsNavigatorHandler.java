package io.edgeoff.handlers;

import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.TaskHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * GPS_NAVIGATOR's PATH_CALC: shortest-path search on a road graph. Dijkstra's algorithm with a binary
 * heap from the graph's source to its target: the work grows with the graph as {@code E log V}.
 *
 * <p>Input (big-endian): {@code int nodes, int edges, int source, int target}, then per edge
 * {@code int from, int to, float lengthMeters} (an undirected road; lengths finite and &gt;= 0).
 * Output: UTF-8 {@code distance D\nhops H\n} followed by the path's nodes, one line, at most 1000
 * listed ({@code distance unreachable} when there is no path).
 * With {@code forward=true} the output is the data worked on followed by this ({@link Forwarding}).
 *
 * <p>With {@code effortMi=N} ({@link Effort}) the handler also answers more queries to the same target, from sources
 * derived from the input (a hash of the graph's bytes and the query's number), until {@code N x }{@value
 * #SETTLED_PER_MI} junctions have been settled in all (the first query included; at most {@value #MAX_QUERIES}
 * queries). After the route the output then has {@code queries Q}, {@code settled S} and {@code reachable R} (how many
 * of the queries reached the target).
 */
public final class GpsNavigatorHandler implements TaskHandler {
    public static final String NAME = "gps-navigator";
    private static final int MAX_NODES = 10_000_000;
    private static final int LISTED = 1000;
    /** Junctions settled per million instructions of effort (calibrated: docs/PERFORMANCE.md). */
    static final double SETTLED_PER_MI = 3_000;
    /** Most queries of a call with an effort. */
    static final int MAX_QUERIES = 10_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "GPS_NAVIGATOR PATH_CALC: Dijkstra shortest path on a road graph";
    }

    @Override
    public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
        if (input.length < 16) {
            throw new IllegalArgumentException("input must start with nodes, edges, source, target (16 bytes), but had "
                    + input.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(input);
        int nodes = in.getInt();
        int edges = in.getInt();
        int source = in.getInt();
        int target = in.getInt();
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("nodes must be in [1, " + MAX_NODES + "], but was " + nodes);
        }
        boolean forward = Forwarding.isOn(parameters);
        if (edges < 0 || (forward ? (long) edges * 12 > input.length - 16 : (long) edges * 12 != input.length - 16)) {
            throw new IllegalArgumentException("the input holds " + (input.length - 16) / 12 + " edges of 12 bytes, but "
                    + "declares " + edges);
        }
        checkNode(source, nodes, "source");
        checkNode(target, nodes, "target");
        int[] degree = new int[nodes + 1];
        int[] from = new int[edges];
        int[] to = new int[edges];
        float[] length = new float[edges];
        for (int e = 0; e < edges; e++) {
            from[e] = checkNode(in.getInt(), nodes, "edge " + e + " from");
            to[e] = checkNode(in.getInt(), nodes, "edge " + e + " to");
            length[e] = in.getFloat();
            if (!(length[e] >= 0) || Float.isInfinite(length[e])) {
                throw new IllegalArgumentException("edge " + e + " length must be finite and >= 0, but was " + length[e]);
            }
            degree[from[e] + 1]++;
            degree[to[e] + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            degree[i + 1] += degree[i];
        }
        int[] adjacent = new int[2 * edges];
        float[] weight = new float[2 * edges];
        int[] fill = Arrays.copyOf(degree, nodes);
        for (int e = 0; e < edges; e++) {
            adjacent[fill[from[e]]] = to[e];
            weight[fill[from[e]]++] = length[e];
            adjacent[fill[to[e]]] = from[e];
            weight[fill[to[e]]++] = length[e];
        }
        context.checkpoint();
        Search first = search(nodes, degree, adjacent, weight, source, target, context);
        byte[] route = route(first, target);
        int effortMi = Effort.millionInstructions(parameters);
        if (effortMi > 0) {
            route = withQueries(route, input, 16 + 12 * edges, first, Effort.budget(effortMi, SETTLED_PER_MI),
                    nodes, degree, adjacent, weight, target, context);
        }
        return forward ? Forwarding.join(input, 16 + 12 * edges, route) : route;
    }

    private static int checkNode(int node, int nodes, String what) {
        if (node < 0 || node >= nodes) {
            throw new IllegalArgumentException(what + " must be a node in [0, " + (nodes - 1) + "], but was " + node);
        }
        return node;
    }

    /** Answers queries 1, 2, ... from sources hashed from the graph's bytes until the settled budget is used. */
    private static byte[] withQueries(byte[] route, byte[] input, int graphBytes, Search first, long budgetSettled,
                                      int nodes, int[] start, int[] adjacent, float[] weight, int target,
                                      HandlerContext context) {
        long hash = 1125899906842597L;
        for (int i = 0; i < graphBytes; i++) {
            hash = 31 * hash + input[i];
        }
        SplittableRandom sources = new SplittableRandom(hash);
        long settled = first.settled;
        int queries = 1;
        int reachable = Double.isInfinite(first.dist[target]) ? 0 : 1;
        while (queries < MAX_QUERIES && settled < budgetSettled) {
            Search q = search(nodes, start, adjacent, weight, sources.nextInt(nodes), target, context);
            settled += q.settled;
            reachable += Double.isInfinite(q.dist[target]) ? 0 : 1;
            queries++;
        }
        String more = "queries " + queries + "\nsettled " + settled + "\nreachable " + reachable + "\n";
        byte[] tail = more.getBytes(StandardCharsets.UTF_8);
        return Forwarding.join(route, route.length, tail);
    }

    /** What one Dijkstra search found: distances, predecessors, junctions settled. */
    private record Search(double[] dist, int[] previous, long settled) {
    }

    private static Search search(int nodes, int[] start, int[] adjacent, float[] weight, int source, int target,
                                 HandlerContext context) {
        double[] dist = new double[nodes];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int[] previous = new int[nodes];
        Arrays.fill(previous, -1);
        Heap heap = new Heap(nodes);
        dist[source] = 0;
        heap.push(source, 0);
        long settled = 0;
        while (!heap.isEmpty()) {
            int u = heap.pop();
            settled++;
            if (u == target) {
                break;
            }
            if ((settled & 0x3FFF) == 0) {
                context.checkpoint();
            }
            for (int k = start[u]; k < start[u + 1]; k++) {
                int v = adjacent[k];
                double d = dist[u] + weight[k];
                if (d < dist[v]) {
                    dist[v] = d;
                    previous[v] = u;
                    heap.push(v, d);
                }
            }
        }
        return new Search(dist, previous, settled);
    }

    private static byte[] route(Search found, int target) {
        double[] dist = found.dist;
        int[] previous = found.previous;
        int nodes = dist.length;
        if (Double.isInfinite(dist[target])) {
            return "distance unreachable\n".getBytes(StandardCharsets.UTF_8);
        }
        int hops = 0;
        int[] route = new int[Math.min(nodes, LISTED)];
        int listed = 0;
        for (int v = target; v != -1; v = previous[v]) {
            if (listed < route.length) {
                route[listed++] = v;
            }
            hops++;
        }
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, "distance %.1f%nhops %d%n",
                dist[target], hops - 1));
        for (int i = listed - 1; i >= 0; i--) {
            out.append(route[i]).append(i == 0 ? "\n" : " ");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A binary min-heap of nodes with decrease-key by position. */
    private static final class Heap {
        private final int[] nodes;
        private final double[] keys;
        private final int[] position;
        private int size;

        Heap(int capacity) {
            nodes = new int[capacity];
            keys = new double[capacity];
            position = new int[capacity];
            Arrays.fill(position, -1);
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int node, double key) {
            int i = position[node];
            if (i < 0) {
                i = size++;
            }
            nodes[i] = node;
            keys[i] = key;
            position[node] = i;
            up(i);
        }

        int pop() {
            int top = nodes[0];
            position[top] = -2;
            size--;
            if (size > 0) {
                nodes[0] = nodes[size];
                keys[0] = keys[size];
                position[nodes[0]] = 0;
                down(0);
            }
            return top;
        }

        private void up(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (keys[parent] <= keys[i]) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void down(int i) {
            while (true) {
                int l = 2 * i + 1;
                int smallest = i;
                if (l < size && keys[l] < keys[smallest]) {
                    smallest = l;
                }
                if (l + 1 < size && keys[l + 1] < keys[smallest]) {
                    smallest = l + 1;
                }
                if (smallest == i) {
                    return;
                }
                swap(i, smallest);
                i = smallest;
            }
        }

        private void swap(int a, int b) {
            int na = nodes[a];
            double ka = keys[a];
            nodes[a] = nodes[b];
            keys[a] = keys[b];
            nodes[b] = na;
            keys[b] = ka;
            position[nodes[a]] = a;
            position[nodes[b]] = b;
        }
    }

    /**
     * A road graph of {@code side} x {@code side} junctions from {@code seed}: a jittered grid (100 m
     * blocks) whose streets have traffic factors from 1 to 3, about 5 % of them closed, plus a few
     * long straight expressways; from the north-west corner to the south-east one.
     */
    public static byte[] input(long seed, int side) {
        if (side < 2 || side > 3000) {
            throw new IllegalArgumentException("side must be in [2, 3000], but was " + side);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = side * side;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % side) * 100 + (float) random.nextDouble(-30, 30);
            y[i] = (i / side) * 100 + (float) random.nextDouble(-30, 30);
        }
        int expressways = side;
        ByteBuffer out = ByteBuffer.allocate(16 + 12 * (2 * n + expressways));
        out.position(16);
        int edges = 0;
        for (int i = 0; i < n; i++) {
            int[] neighbours = {i % side + 1 < side ? i + 1 : -1, i + side < n ? i + side : -1};
            for (int j : neighbours) {
                if (j < 0 || random.nextDouble() < 0.05) {
                    continue;
                }
                out.putInt(i).putInt(j).putFloat((float) (Math.hypot(x[i] - x[j], y[i] - y[j]) * random.nextDouble(1, 3)));
                edges++;
            }
        }
        for (int k = 0; k < expressways; k++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            out.putInt(a).putInt(b).putFloat((float) (Math.hypot(x[a] - x[b], y[a] - y[b]) * 0.8));
            edges++;
        }
        out.putInt(0, n).putInt(4, edges).putInt(8, 0).putInt(12, n - 1);
        return Arrays.copyOf(out.array(), 16 + 12 * edges);
    }
}
