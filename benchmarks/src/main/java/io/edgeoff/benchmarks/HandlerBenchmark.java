package io.edgeoff.benchmarks;

import io.edgeoff.handlers.BuiltInHandlers;
import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.HandlerRegistry;
import io.edgeoff.task.TaskHandler;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of each built-in task handler per input size on this machine: one call of the handler on the
 * input {@link BuiltInHandlers#input} generates from seed 1 at that size (units: {@code chess} plies of
 * search, {@code antivirus} and {@code facebook} bytes, {@code face-recognizer} image side in pixels,
 * {@code gps-navigator} grid side in junctions, {@code synthetic-mi} million instructions over a 6 KiB
 * input). The handler is called directly (no budget thread), so this is its own work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HandlerBenchmark {
    @Param({"chess:3", "chess:4", "chess:5",
            "antivirus:65536", "antivirus:1048576", "antivirus:8388608",
            "face-recognizer:128", "face-recognizer:512", "face-recognizer:1024",
            "gps-navigator:50", "gps-navigator:200", "gps-navigator:500",
            "facebook:65536", "facebook:1048576", "facebook:8388608",
            "synthetic-mi:100", "synthetic-mi:600"})
    public String handlerSize;

    private TaskHandler handler;
    private byte[] input;
    private Map<String, String> parameters;

    @Setup
    public void setUp() {
        String[] parts = handlerSize.split(":");
        handler = HandlerRegistry.of(BuiltInHandlers.all()).get(parts[0]);
        int size = Integer.parseInt(parts[1]);
        if (parts[0].equals("synthetic-mi")) {
            input = BuiltInHandlers.input(parts[0], 1, 6 * 1024);
            parameters = Map.of("kind", "CI", "millionInstructions", parts[1], "outBytes", "6144");
        } else {
            input = BuiltInHandlers.input(parts[0], 1, size);
            parameters = Map.of();
        }
    }

    @Benchmark
    public byte[] handle() throws Exception {
        return handler.handle(input, parameters, HandlerContext.unlimited());
    }
}
