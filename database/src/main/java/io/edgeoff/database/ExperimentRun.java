package io.edgeoff.database;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored experiment run.
 *
 * @param id          database id
 * @param spec        what was run
 * @param startedAt   when it started (microsecond precision)
 * @param finishedAt  when it finished; empty while running or when it was interrupted
 */
public record ExperimentRun(long id, RunSpec spec, Instant startedAt, Optional<Instant> finishedAt) {
}
