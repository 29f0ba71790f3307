package io.edgeoff.cli.prediction;

import io.edgeoff.prediction.trace.NodeId;
import picocli.CommandLine.Option;

/** {@code --system S --node N}. */
public final class NodeOptions {
    @Option(names = "--system", required = true, paramLabel = "S", description = "system (cluster) id, e.g. 16")
    int system;

    @Option(names = "--node", required = true, paramLabel = "N", description = "node number within the system")
    int node;

    NodeId nodeId() {
        return new NodeId(system, node);
    }
}
