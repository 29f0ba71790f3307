package io.edgeoff.benchmarks;

import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.handlers.HandlerProfile;
import io.edgeoff.device.handlers.LocalHandlers;
import io.edgeoff.handlers.BuiltInHandlers;
import io.edgeoff.task.HandlerLimits;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How well the device's {@link HandlerProfile} predicts the real cost of each built-in handler: runs each handler
 * {@code executions} times (default 40) on this machine through {@link LocalHandlers} (the device's local execution,
 * budgets included), on inputs of seeded random sizes, and feeds the measured times to the profile (an uninformed
 * prior: 10 ms flat, weight 2). Prints, per handler, the mean absolute relative error of the predictions made
 * before executions 1-20 and 21-40.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.edgeoff.benchmarks.HandlerProfileRun [executions] [seed]</pre>
 */
public final class HandlerProfileRun {
    /** Handler, smallest and largest size (the generator's unit), parameters. */
    private record Case(String handler, int minSize, int maxSize, Map<String, String> parameters) {
    }

    private static final List<Case> CASES = List.of(
            new Case("antivirus", 64 << 10, 4 << 20, Map.of()),
            new Case("face-recognizer", 64, 768, Map.of()),
            new Case("gps-navigator", 20, 250, Map.of()),
            new Case("facebook", 64 << 10, 2 << 20, Map.of()),
            new Case("chess", 1, 1, Map.of("depth", "4")),
            new Case("synthetic-mi", 1 << 10, 256 << 10, Map.of("millionInstructions", "200", "outBytes", "1024")));

    private HandlerProfileRun() {
    }

    public static void main(String[] args) {
        int executions = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        LocalHandlers local = LocalHandlers.load(List.of(), HandlerLimits.DEFAULT, DeviceClock.SYSTEM);
        HandlerProfile profile = new HandlerProfile((h, s) -> new HandlerProfile.Prior(0.01, 0), 2);
        SplittableRandom random = new SplittableRandom(seed);
        System.out.printf("%-16s %5s %14s %14s %12s%n", "handler", "runs", "error 1-20", "error 21-" + executions,
                "mean s");
        for (Case c : CASES) {
            double total = 0;
            for (int i = 0; i < 3; i++) { // warm-up: lets the JIT compile the handler, not scored
                local.execute(c.handler(), BuiltInHandlers.input(c.handler(), seed, c.minSize()), c.parameters(), 1, 0);
            }
            for (int i = 0; i < executions; i++) {
                int size = c.minSize() + random.nextInt(c.maxSize() - c.minSize() + 1);
                byte[] input = BuiltInHandlers.input(c.handler(), random.nextLong(), size);
                LocalHandlers.LocalRun run = local.execute(c.handler(), input, c.parameters(), 1, 0);
                double seconds = run.measuredNanos() / 1e9;
                total += seconds;
                profile.observe(c.handler(), "MD", input.length, seconds);
            }
            HandlerProfile.Stats late = profile.stats(c.handler(), "MD", Math.min(20, executions));
            double early = earlyError(profile, c.handler(), executions);
            System.out.printf("%-16s %5d %13.1f%% %13.1f%% %12.4f%n", c.handler(), executions, 100 * early,
                    100 * late.meanAbsoluteRelativeError(), total / executions);
        }
    }

    /** Mean error of the first 20 predictions: all predictions' error sum minus the later ones'. */
    private static double earlyError(HandlerProfile profile, String handler, int executions) {
        int first = Math.min(20, executions);
        HandlerProfile.Stats all = profile.stats(handler, "MD", 0);
        HandlerProfile.Stats late = profile.stats(handler, "MD", first);
        double lateSum = Double.isNaN(late.meanAbsoluteRelativeError()) ? 0
                : late.meanAbsoluteRelativeError() * (executions - first);
        return (all.meanAbsoluteRelativeError() * executions - lateSum) / first;
    }
}
