package io.edgeoff.simulator.availability;

import io.edgeoff.prediction.evaluation.Evaluator;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.TraceReaders;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the failure trace of a simulation: a file (LANL or generic format) or the built-in synthetic trace. */
public final class TraceSources {
    /** Seed of the 80/20 training split: the prediction module's, the seed's {@code random_state}. */
    public static final long SPLIT_SEED = Evaluator.DEFAULT_SEED;

    private TraceSources() {
    }

    /**
     * @param file the trace file, or empty for the default trace
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public static AvailabilitySource open(Optional<Path> file) {
        if (file.isPresent()) {
            FailureTrace trace = TraceReaders.read(file.get());
            if (trace.size() == 0) {
                throw new IllegalArgumentException("trace file " + file.get() + " has no readable outage");
            }
            return new TraceAvailabilitySource(trace, file.get().getFileName().toString(), SPLIT_SEED);
        }
        return defaultSource();
    }

    /** The default: the prediction module's synthetic, LANL-fitted trace of the seed's candidate nodes. */
    public static AvailabilitySource defaultSource() {
        return new TraceAvailabilitySource(SyntheticTraces.defaultTrace(), SyntheticTraces.DEFAULT_SOURCE, SPLIT_SEED);
    }
}
