package io.edgeoff.common.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One experiment configuration: which failure-trace node each remote site replays
 * (the seed's five "node candidate" configurations).
 *
 * @param id     configuration number, &gt;= 1
 * @param nodes  remote site id to trace node
 */
public record ExperimentConfig(int id, Map<String, TraceNode> nodes) {
    public ExperimentConfig {
        if (id < 1) {
            throw new IllegalArgumentException("configuration id must be >= 1, but was " + id);
        }
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }
}
