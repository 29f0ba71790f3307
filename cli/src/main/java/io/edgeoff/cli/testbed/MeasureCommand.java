package io.edgeoff.cli.testbed;

import io.edgeoff.testbed.Testbed;
import io.edgeoff.testbed.TestbedConfig;
import io.edgeoff.testbed.net.Shell;
import io.edgeoff.testbed.probe.LinkMeasurement;
import io.edgeoff.testbed.probe.MeasurementTable;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeoff testbed measure}: build the network, measure every device-site path, tear down. */
@Command(name = "measure", sortOptions = false,
        description = {"Build the scenario's network, measure round trip and goodput of every device-site path",
            "from the device namespace, print them against what the scenario asks for, and tear down."})
public final class MeasureCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    TestbedOptions options;

    @Option(names = "--seconds", defaultValue = "1.5", description = "Duration of each bulk transfer at the asked bandwidth, s (default: ${DEFAULT-VALUE}).")
    double transferSeconds;

    @Override
    public void run() {
        if (!(transferSeconds > 0) || transferSeconds > 60) {
            throw new IllegalArgumentException("--seconds must be in (0, 60], but was " + transferSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        TestbedConfig config = options.config();
        PrintStream log = new PrintStream(new WriterOutputStream(out), true, java.nio.charset.StandardCharsets.UTF_8);
        try (Testbed testbed = Testbed.start(config, Shell.system(), log)) {
            if (testbed.plan().isFleet()) {
                measureEachDevice(testbed, out);
                return;
            }
            out.println("measuring " + testbed.plan().sites().size() + " paths from " + testbed.plan().deviceNamespace()
                    + " (" + transferSeconds + " s per transfer)");
            out.flush();
            List<LinkMeasurement> measured = testbed.measure(transferSeconds);
            out.println();
            out.print(MeasurementTable.format(testbed.plan().sites(), config.scenario().device().id(), measured));
            out.println();
            out.println("RTT: median of 15 one-byte echoes on an open connection. Goodput: bytes / (transfer time - RTT).");
            out.flush();
        }
    }

    /** A fleet: every device's paths from its own namespace, against that device's own links. */
    private void measureEachDevice(Testbed testbed, PrintWriter out) {
        for (var device : testbed.plan().devices()) {
            out.println("measuring " + testbed.plan().sites().size() + " paths from " + device.namespace() + " (device "
                    + device.deviceId() + ", " + transferSeconds + " s per transfer)");
            out.flush();
            List<LinkMeasurement> measured = testbed.measure(device.deviceId(), transferSeconds);
            out.println();
            out.print(MeasurementTable.format(testbed.plan().sitesSeenBy(device.deviceId()), device.deviceId(),
                    measured));
            out.println();
        }
        out.println("RTT: median of 15 one-byte echoes on an open connection. Goodput: bytes / (transfer time - RTT).");
        out.flush();
    }
}
