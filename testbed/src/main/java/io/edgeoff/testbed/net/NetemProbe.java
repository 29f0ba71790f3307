package io.edgeoff.testbed.net;

import java.util.List;

/**
 * Checks whether the kernel can add a {@code netem} qdisc, on a throw-away namespace.
 */
public final class NetemProbe {
    private NetemProbe() {
    }

    /** @return {@link LatencyMode#NETEM} when netem works, else {@link LatencyMode#RELAY} */
    public static LatencyMode detect(Shell shell, int runId) {
        String ns = TopologyPlan.runPrefix(runId) + "probe";
        shell.tryRun(List.of("ip", "netns", "del", ns));
        try {
            shell.run(List.of("ip", "netns", "add", ns));
            shell.run(List.of("ip", "-n", ns, "link", "add", "eo" + runId + "-pa", "type", "veth",
                    "peer", "name", "eo" + runId + "-pb"));
            boolean netem = shell.tryRun(List.of("tc", "-n", ns, "qdisc", "add", "dev", "eo" + runId + "-pa",
                    "root", "netem", "delay", "1ms"));
            return netem ? LatencyMode.NETEM : LatencyMode.RELAY;
        } finally {
            shell.tryRun(List.of("ip", "netns", "del", ns));
        }
    }
}
