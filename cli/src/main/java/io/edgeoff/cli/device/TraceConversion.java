package io.edgeoff.cli.device;

import io.edgeoff.common.scenario.Scenario;
import java.nio.file.Path;
import java.util.Map;

/** Turns a LANL failure-data file into one generic outage trace per site (the seed's node candidates). */
final class TraceConversion {
    private TraceConversion() {
    }

    static Map<String, Path> lanlTraces(Scenario scenario, Path lanl, int configuration, Path dir) {
        throw new IllegalArgumentException("--trace is not supported yet in this build");
    }
}
