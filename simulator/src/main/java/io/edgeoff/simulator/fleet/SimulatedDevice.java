package io.edgeoff.simulator.fleet;

import io.edgeoff.common.app.WorkloadMix;
import io.edgeoff.common.mobility.DeviceLinks;
import io.edgeoff.common.mobility.HandoverRule;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One device of a sampling: what it runs, its random streams and its links over time.
 *
 * @param id               device id (reports)
 * @param workload         its application mix
 * @param workloadRandom   its workload stream (applications and task sizes)
 * @param executions       its application executions, &gt;= 1
 * @param meanIdleSeconds  mean exponential pause between its executions, s (0: back to back, nothing drawn)
 * @param idleRandom       the stream the pauses are drawn from
 * @param links            its links in each cell, and its cell schedule
 * @param handover         what its offloads in flight at a handover do (empty: it never changes cell)
 */
public record SimulatedDevice(String id, WorkloadMix workload, RandomGenerator workloadRandom, int executions,
                              double meanIdleSeconds, RandomGenerator idleRandom, DeviceLinks links,
                              Optional<HandoverRule> handover) {
    public SimulatedDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(workloadRandom, "workloadRandom");
        Objects.requireNonNull(idleRandom, "idleRandom");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(handover, "handover");
        if (executions < 1) {
            throw new IllegalArgumentException("executions must be >= 1, but was " + executions);
        }
        if (!(meanIdleSeconds >= 0) || !Double.isFinite(meanIdleSeconds)) {
            throw new IllegalArgumentException("meanIdleSeconds must be finite and >= 0, but was " + meanIdleSeconds);
        }
    }
}
