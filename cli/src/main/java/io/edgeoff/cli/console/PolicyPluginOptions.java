package io.edgeoff.cli.console;

import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.decision.external.ExternalPolicySettings;
import io.edgeoff.decision.external.ExternalPolicyStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The policy plug-in options, declared once for every command that runs or lists policies ({@code @Mixin}):
 * {@code --policy-path} (jars of {@link io.edgeoff.decision.PolicyProvider}s, loaded at run time),
 * {@code --external-budget-ms} and {@code --external-fallback} (how {@code external:URL} policies are called). A
 * command calls {@link #install()} before it looks up a policy, and {@link #report} after its run.
 */
public final class PolicyPluginOptions {
    @Option(names = "--policy-path", paramLabel = "JAR|DIR", split = ",",
            description = "Policy plug-ins: jars (or directories of jars) with PolicyProvider implementations, "
                    + "added to the registry without rebuilding edgeoff (docs/POLICY-PLUGINS.md); repeatable.")
    List<Path> policyPath = new ArrayList<>();

    @Option(names = "--external-budget-ms", paramLabel = "MS", defaultValue = "" + ExternalPolicySettings.DEFAULT_BUDGET_MILLIS,
            description = "Time budget of one decision of an external:URL policy; a later answer is not waited for "
                    + "and the fallback decides (default: ${DEFAULT-VALUE}).")
    long externalBudgetMillis;

    @Option(names = "--external-fallback", paramLabel = "POLICY", defaultValue = ExternalPolicySettings.DEFAULT_FALLBACK,
            description = "Policy that decides when an external:URL policy is late, down or answers nonsense "
                    + "(default: ${DEFAULT-VALUE}).")
    String externalFallback;

    /** Installs the process's policy registry: built-ins, class-path and {@code --policy-path} plug-ins, externals. */
    public PolicyRegistry install() {
        if (externalBudgetMillis <= 0 || externalBudgetMillis > 60_000) {
            throw new IllegalArgumentException("--external-budget-ms must be in [1, 60000], but was "
                    + externalBudgetMillis);
        }
        return Policies.install(List.copyOf(policyPath),
                new ExternalPolicySettings(Duration.ofMillis(externalBudgetMillis), externalFallback));
    }

    /**
     * These options as arguments of a child {@code edgeoff} process that runs policies (the test-bed's device), the
     * paths made absolute, so that the child's registry is this one's.
     */
    public List<String> arguments() {
        List<String> args = new ArrayList<>();
        for (Path path : policyPath) {
            args.addAll(List.of("--policy-path", path.toAbsolutePath().toString()));
        }
        args.addAll(List.of("--external-budget-ms", Long.toString(externalBudgetMillis),
                "--external-fallback", externalFallback));
        return args;
    }

    /** Prints one line per external policy the run used: decisions, answers, fallbacks by cause. */
    public static void report(PrintWriter out, PolicyRegistry registry) {
        for (ExternalPolicyStats.Report report : registry.externalReports()) {
            out.println("external policy " + report.describe());
        }
    }
}
