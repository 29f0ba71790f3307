package io.edgeoff.database;

/**
 * How one task of one application execution went in a run.
 *
 * @param executionIndex   which application execution of the run, &gt;= 0
 * @param taskIndex        the task's index in its application, &gt;= 0
 * @param applicationName  the application
 * @param taskName         the task
 * @param siteId           where the task finally ran
 * @param timeSeconds      response time of the task including failed attempts, s, &gt;= 0
 * @param energyJoules     energy the device spent on the task including failed attempts, J, &gt;= 0
 * @param failedAttempts   offloading attempts that failed before it succeeded, &gt;= 0
 */
public record TaskOutcome(int executionIndex, int taskIndex, String applicationName, String taskName, String siteId,
                          double timeSeconds, double energyJoules, int failedAttempts) {
    public TaskOutcome {
        if (executionIndex < 0) {
            throw new IllegalArgumentException("executionIndex must be >= 0, but was " + executionIndex);
        }
        if (taskIndex < 0) {
            throw new IllegalArgumentException("taskIndex must be >= 0, but was " + taskIndex);
        }
        requireText("applicationName", applicationName);
        requireText("taskName", taskName);
        requireText("siteId", siteId);
        if (!(timeSeconds >= 0) || !Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("task " + taskName + ": timeSeconds must be >= 0, but was " + timeSeconds);
        }
        if (!(energyJoules >= 0) || !Double.isFinite(energyJoules)) {
            throw new IllegalArgumentException("task " + taskName + ": energyJoules must be >= 0, but was "
                    + energyJoules);
        }
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("task " + taskName + ": failedAttempts must be >= 0, but was "
                    + failedAttempts);
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("task outcome " + field + " must not be blank");
        }
    }
}
