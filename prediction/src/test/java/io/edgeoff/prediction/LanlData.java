package io.edgeoff.prediction;

import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.LanlTraceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the LANL failure data for tests: env EDGEOFF_LANL_TRACE, or shared/data/lanl/ above the working directory. */
public final class LanlData {
    public static final String FILE = "LA-UR-05-7318-failure-data-1996-2005.csv";
    private static FailureTrace cached;

    private LanlData() {
    }

    public static Optional<Path> find() {
        String env = System.getenv("EDGEOFF_LANL_TRACE");
        if (env != null && Files.isRegularFile(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/lanl").resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Message for assumeTrue when the file is absent. */
    public static final String MISSING = "LANL failure data not found (set EDGEOFF_LANL_TRACE or put " + FILE
            + " under shared/data/lanl/ above the working directory): test skipped";

    public static synchronized FailureTrace trace() {
        if (cached == null) {
            cached = new LanlTraceReader().read(find().orElseThrow());
        }
        return cached;
    }
}
