package io.edgeoff.simulator.availability;

import io.edgeoff.prediction.evaluation.Evaluator;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.TraceReaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /**
     * What the trace of a simulation is, by content: {@code sha256:<hex>} of the file's bytes, or {@code built-in:}
     * and the synthetic trace's name. Shards of one experiment must agree on it ({@code shard.json}), so shards run
     * on machines with different files of the same name are told apart.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public static String digest(Optional<Path> file) {
        if (file.isEmpty()) {
            return "built-in:" + SyntheticTraces.DEFAULT_SOURCE;
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trace file " + file.get() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The default: the prediction module's synthetic, LANL-fitted trace of the seed's candidate nodes. */
    public static AvailabilitySource defaultSource() {
        return new TraceAvailabilitySource(SyntheticTraces.defaultTrace(), SyntheticTraces.DEFAULT_SOURCE, SPLIT_SEED);
    }
}
