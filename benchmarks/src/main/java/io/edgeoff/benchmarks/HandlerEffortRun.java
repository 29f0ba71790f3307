package io.edgeoff.benchmarks;

import io.edgeoff.common.compute.ComputeKernel;
import io.edgeoff.device.workload.TaskBinding;
import io.edgeoff.handlers.BuiltInHandlers;
import io.edgeoff.handlers.Effort;
import io.edgeoff.handlers.Forwarding;
import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.HandlerRegistry;
import io.edgeoff.task.TaskHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The calibration of the built-in handlers' {@code effortMi} ({@link Effort}): runs each seed application's handler on
 * its root input ({@link TaskBinding#BUILT_IN_ROOT_SIZES}, forwarding on, as the device's tasks run) at each effort,
 * and prints the median measured time on this host and the <em>rated</em> time at 1000 MIPS (measured x host MIPS /
 * 1000, the device's speed emulation, with the host's MIPS from the compute kernel measured just before), against the
 * target, effort / 1000 MIPS. A ratio near 1 means the handler's knob is calibrated on this host.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.edgeoff.benchmarks.HandlerEffortRun [runs] [effortMi...]</pre>
 */
public final class HandlerEffortRun {
    private HandlerEffortRun() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> efforts = args.length > 1
                ? Arrays.stream(args).skip(1).map(Integer::valueOf).toList() : List.of(150, 600);
        HandlerRegistry registry = HandlerRegistry.of(BuiltInHandlers.all());
        System.out.printf("%-16s %8s %8s %10s %11s %10s %7s%n", "handler", "effortMi", "hostMips", "measured ms",
                "rated ms", "target ms", "ratio");
        for (String name : List.of("chess", "antivirus", "face-recognizer", "gps-navigator", "facebook")) {
            TaskHandler handler = registry.get(name);
            byte[] input = BuiltInHandlers.input(name, 1, TaskBinding.BUILT_IN_ROOT_SIZES.get(name));
            for (int effort : efforts) {
                Map<String, String> parameters = Map.of(Forwarding.PARAMETER, "true", Effort.PARAMETER,
                        Integer.toString(effort));
                for (int i = 0; i < 2; i++) { // warm-up: lets the JIT compile the handler, not timed
                    handler.handle(input, parameters, HandlerContext.unlimited());
                }
                double hostMips = ComputeKernel.hostMips(ComputeKernel.measureNanosPerRound(40_000_000L));
                double[] millis = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    handler.handle(input, parameters, HandlerContext.unlimited());
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(millis);
                double measured = millis[runs / 2];
                double rated = measured * hostMips / 1000;
                System.out.printf("%-16s %8d %8.0f %10.1f %11.1f %10d %7.2f%n", name, effort, hostMips, measured, rated,
                        effort, rated / effort);
            }
        }
    }
}
