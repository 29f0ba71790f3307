package io.edgeoff.cli.decision;

import io.edgeoff.cli.console.PolicyPluginOptions;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.decision.external.ExternalPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgeoff policies}: the decision engines, one line each, plug-ins with their origin. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "List the decision engines, one line each: the built-ins, the plug-ins of the class path and "
                + "--policy-path (with the provider and jar they come from), and external:URL policies.")
public final class PoliciesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyPluginOptions plugins = new PolicyPluginOptions();

    @Override
    public void run() {
        PolicyRegistry registry = plugins.install();
        var out = spec.commandLine().getOut();
        for (String name : registry.names()) {
            String origin = registry.origin(name);
            out.printf("%-17s %s%s; reacts to: %s%s%n", name, registry.spec(name).description(),
                    name.equals(Policies.DEFAULT) ? " (default)" : "", registry.spec(name).reactsTo(),
                    origin.equals("built-in") ? "" : "; plug-in " + origin);
        }
        String example = ExternalPolicy.PREFIX + "http://127.0.0.1:8000/decide";
        out.printf("%-17s %s; reacts to: %s%n", ExternalPolicy.PREFIX + "URL",
                "any policy behind an HTTP/JSON endpoint, in any language (docs/POLICY-PLUGINS.md), e.g. " + example
                        + "; budget " + registry.external().budget().toMillis() + " ms, fallback "
                        + registry.external().fallback(), registry.spec(example).reactsTo());
        out.flush();
    }
}
