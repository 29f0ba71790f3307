package io.edgeoff.cli.decision;

import io.edgeoff.decision.Policies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgeoff policies}: the decision engines, one line each. */
@Command(name = "policies", description = "List the decision engines, one line each.")
public final class PoliciesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        for (String name : Policies.names()) {
            out.printf("%-17s %s%s; reacts to: %s%n", name, Policies.description(name),
                    name.equals(Policies.DEFAULT) ? " (default)" : "", Policies.spec(name).reactsTo());
        }
        out.flush();
    }
}
