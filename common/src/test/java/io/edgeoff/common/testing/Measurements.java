package io.edgeoff.common.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Timing figures that tests observe (round trips, goodput, detection latency, elapsed times). On a shared or
 * loaded machine such a figure moves with the load, so it belongs in a measurement report, not in a pass/fail
 * tolerance: a test records it here and asserts only what load cannot break (a lower bound that delay shaping
 * guarantees, an upper bound that rate shaping guarantees, an outcome). Each call writes
 * {@code target/measurements/<name>.json} of the module under test (with the machine's load average and cores,
 * to read the figure against) and prints one line.
 */
public final class Measurements {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Measurements() {
    }

    /**
     * Writes {@code values} (units in their names, e.g. {@code roundTripMillis}) as measurement {@code name}.
     *
     * @return the file written
     */
    public static Path record(String name, Map<String, ?> values) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("measurement name must be letters, digits, '.', '_' or '-', but was '"
                    + name + "'");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("measurement", name);
        doc.put("recordedAt", Instant.now().toString());
        doc.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        doc.put("systemLoadAverage1m", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        doc.put("values", values);
        Path file = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("measurements")
                .resolve(name + ".json");
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write measurement " + file + ": " + e.getMessage(), e);
        }
        System.out.println("measurement " + name + ": " + values + " -> " + file);
        return file;
    }
}
