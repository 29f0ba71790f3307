package io.edgeoff.device.runtime;

import io.edgeoff.decision.placement.PlacementReason;
import java.util.List;
import java.util.Objects;

/**
 * The final outcome of one task of one execution: exactly one per task.
 *
 * @param runId         run identifier
 * @param policy        policy name
 * @param execution     execution number within the run (0-based)
 * @param application   application name
 * @param taskIndex     task index within the application
 * @param taskName      task name
 * @param siteIndex     site that completed the task (-1 when lost)
 * @param siteId        its id ("" when lost)
 * @param completed     false only when the task was lost
 * @param attempts      every attempt, failed ones first, the successful one last
 * @param seconds       from the task becoming ready to its completion, s
 * @param energyJoules  device energy over all attempts, J
 * @param reason        why the task ended on its site: the policy's choice or the placement loop's named fallback
 */
public record TaskOutcome(String runId, String policy, int execution, String application, int taskIndex,
                          String taskName, int siteIndex, String siteId, boolean completed, List<Attempt> attempts,
                          double seconds, double energyJoules, PlacementReason reason) {
    public TaskOutcome {
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(reason, "reason");
    }

    /** An outcome of the policy's own choice. */
    public TaskOutcome(String runId, String policy, int execution, String application, int taskIndex,
                       String taskName, int siteIndex, String siteId, boolean completed, List<Attempt> attempts,
                       double seconds, double energyJoules) {
        this(runId, policy, execution, application, taskIndex, taskName, siteIndex, siteId, completed, attempts,
                seconds, energyJoules, PlacementReason.POLICY_CHOICE);
    }

    /** @return attempts that went to a remote site */
    public long offloadAttempts(int deviceIndex) {
        return attempts.stream().filter(a -> a.siteIndex() != deviceIndex).count();
    }

    /** @return failed attempts */
    public long failures() {
        return attempts.stream().filter(a -> !a.succeeded()).count();
    }
}
