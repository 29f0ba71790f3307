package io.edgeoff.cli.testbed;

import io.edgeoff.testbed.Testbed;
import io.edgeoff.testbed.net.Shell;
import io.edgeoff.testbed.net.SiteEndpoint;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgeoff testbed up}: build the network and keep it until Ctrl-C. */
@Command(name = "up", sortOptions = false,
        description = {"Build the scenario's network and keep it until Ctrl-C; prints each site's namespace and",
            "address. Start your own processes with 'ip netns exec <namespace> ...'; a site service listens",
            "on 127.0.0.1:<port> inside its namespace, the device reaches it at <address>:<port>."})
public final class UpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    TestbedOptions options;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintStream log = new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
        Testbed testbed = Testbed.start(options.config(), Shell.system(), log);
        out.println("device namespace: " + testbed.plan().deviceNamespace());
        out.println("| site | namespace | device reaches it at | one-way latency ms | bandwidth KB/s |");
        out.println("|---|---|---|---:|---:|");
        for (SiteEndpoint site : testbed.plan().sites()) {
            out.println(String.format(Locale.ROOT, "| %s | %s | %s:%d | %.1f | %.1f |", site.siteId(), site.namespace(),
                    site.address(), options.servicePort, site.oneWayLatencyMillis(), site.bandwidthKBps()));
        }
        for (var device : testbed.plan().devices()) {
            out.println("device " + device.deviceId() + " in " + device.namespace() + ", its own links: "
                    + device.links().stream().map(l -> String.format(Locale.ROOT, "%s %.1f ms %.1f KB/s", l.siteId(),
                    l.initial().latencyMillis(), l.initial().bandwidthKBps())).toList());
        }
        out.println("test-bed is up; Ctrl-C tears it down");
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            testbed.close();
        }
    }
}
