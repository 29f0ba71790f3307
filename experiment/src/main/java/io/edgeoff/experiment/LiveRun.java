package io.edgeoff.experiment;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.Site;
import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseUrl;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.device.metrics.DeviceMetrics;
import io.edgeoff.device.runtime.OutcomeSink;
import io.edgeoff.device.runtime.RuntimeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The device against sites that are already running, configured by a device file ({@link DeviceSettings}). */
public final class LiveRun {
    private LiveRun() {
    }

    /**
     * Runs the device as {@code config} says and writes the reports.
     *
     * @param config  the device configuration file
     * @param out     report directory, or null for the file's {@code out}
     * @param dbUrl   database the scenario is read from ({@link DeviceScenario}) and runs, outcomes and detector data
     *                are recorded in, or null for none
     * @param webPort port of the live status page (0: any), or null for none
     */
    public static LiveResult run(Path config, Path out, String dbUrl, Integer webPort, LiveListener listener) {
        return run(config, out, dbUrl, webPort, null, listener);
    }

    /** Creates the device's metrics for the run's policies and sites (and typically starts serving them). */
    @FunctionalInterface
    public interface MetricsHook {
        DeviceMetrics create(List<String> policies, List<String> siteIds);
    }

    /**
     * As {@link #run(Path, Path, String, Integer, LiveListener)}, also counting outcomes, decisions and suspicions
     * in the metrics {@code metrics} creates once the configuration is read (null: no metrics).
     */
    public static LiveResult run(Path config, Path out, String dbUrl, Integer webPort, MetricsHook metrics,
                                 LiveListener listener) {
        return run(config, out, dbUrl, webPort, metrics, false, listener);
    }

    /**
     * As {@link #run(Path, Path, String, Integer, MetricsHook, LiveListener)}; with {@code syntheticTasks} (or
     * {@code syntheticTasks: true} in the file) the device runs the seed's synthetic MI tasks instead of the built-in
     * handlers.
     */
    public static LiveResult run(Path config, Path out, String dbUrl, Integer webPort, MetricsHook metrics,
                                 boolean syntheticTasks, LiveListener listener) {
        DeviceSettings settings = DeviceSettings.read(config);
        boolean synthetic = syntheticTasks || settings.syntheticTasks();
        Scenario configured = ScenarioYaml.load(settings.scenario());
        List<String> fleetDevices = fleetDevices(config, configured, settings);
        // with a database: its scenario of that name, stored there from the configuration on first use
        Scenario scenario = dbUrl == null ? configured : DeviceScenario.fromDatabase(dbUrl, configured, listener::log);
        checkSites(config, scenario, settings.sites());
        LiveComparison.Setup setup = new LiveComparison.Setup(scenario, settings.sites(), settings.policies(),
                settings.executions(), settings.seed(), settings.emulateLinks(), settings.detector(),
                settings.runtime(), "device-" + settings.seed(), 0, synthetic);
        DeviceMetrics deviceMetrics = metrics == null ? null
                : metrics.create(settings.policies(), scenario.sites().stream().map(Site::id).toList());
        FleetComparison.FleetSetup fleet = scenario.fleet().isNone() ? null
                : new FleetComparison.FleetSetup(settings.mobilitySpeedup(), fleetDevices, settings.mobilityStartAt());
        LiveComparison.Outcome outcome = withStatusPage(webPort, "edgeoff device", listener,
                page -> recorded(setup, fleet, scenario, settings, config, dbUrl, page, deviceMetrics, listener));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("config", config.toString());
        parameters.put("scenario", settings.scenario());
        parameters.put("policies", String.join(",", settings.policies()));
        parameters.put("executions", settings.executions());
        parameters.put("seed", settings.seed());
        parameters.put("linkEmulation", settings.emulateLinks() ? "device-side" : "off");
        parameters.put("tasks", synthetic ? "synthetic MI" : "built-in handlers, data flowing");
        if (fleet != null) {
            parameters.put("devices", String.join(",", FleetComparison.devices(scenario, fleetDevices).stream()
                    .map(io.edgeoff.common.mobility.DeviceSpec::id).toList()));
            parameters.put("mobilitySpeedup", settings.mobilitySpeedup());
            settings.mobilityStartAt().ifPresent(at -> parameters.put("mobilityStartAt", at.toString()));
        }
        Path dir = out != null ? out : settings.out();
        return new LiveResult(outcome, parameters, LiveReports.writeAll(dir, "edgeoff device", parameters, outcome));
    }

    /**
     * @return the fleet devices this process runs: the file's {@code fleetDevice}, or none named (all)
     * @throws IllegalArgumentException naming the file when {@code fleetDevice} is not a device of the scenario
     */
    static List<String> fleetDevices(Path config, Scenario scenario, DeviceSettings settings) {
        if (settings.fleetDevice().isEmpty()) {
            return List.of();
        }
        if (scenario.fleet().devices().isEmpty()) {
            throw new IllegalArgumentException(config + ": fleetDevice: scenario " + scenario.name()
                    + " declares no devices; fleetDevice needs a scenario with devices: (e.g. campus-3-devices)");
        }
        try {
            FleetComparison.devices(scenario, List.of(settings.fleetDevice().get()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(config + ": fleetDevice: " + e.getMessage(), e);
        }
        return List.of(settings.fleetDevice().get());
    }

    /** Every remote site of the scenario has a URL, and every URL belongs to one. */
    static void checkSites(Path config, Scenario scenario, List<SiteEndpoint> sites) {
        Set<String> configured = sites.stream().map(SiteEndpoint::siteId).collect(Collectors.toSet());
        List<String> remote = scenario.remoteSites().stream().map(Site::id).toList();
        for (String id : remote) {
            if (!configured.contains(id)) {
                throw new IllegalArgumentException(config + ": sites: no URL for site " + id + " of scenario "
                        + scenario.name() + "; it has remote sites " + remote);
            }
        }
        for (String id : configured) {
            if (!remote.contains(id)) {
                throw new IllegalArgumentException(config + ": sites." + id + ": not a remote site of scenario "
                        + scenario.name() + "; it has " + remote);
            }
        }
    }

    private static LiveComparison.Outcome recorded(LiveComparison.Setup setup, FleetComparison.FleetSetup fleet,
                                                   Scenario scenario, DeviceSettings settings, Path config,
                                                   String dbUrl, StatusPage page, DeviceMetrics metrics,
                                                   LiveListener listener) {
        if (dbUrl == null) {
            return compare(setup, fleet, OutcomeSink.NONE, page, metrics, listener);
        }
        try (Database db = Database.open(DatabaseUrl.of(dbUrl, "--db-url"), Database.DEFAULT_CONNECT_TIMEOUT,
                Clock.systemUTC())) {
            db.migrate();
            try (DatabaseOutcomeSink sink = new DatabaseOutcomeSink(db, scenario.name(), settings.seed(),
                    OptionalInt.empty(), "edgeoff device --config " + config)) {
                return compare(setup, fleet, sink, page, metrics, listener);
            }
        }
    }

    /** The single device's comparison, or the fleet's (whose devices do not report to {@code metrics}). */
    private static LiveComparison.Outcome compare(LiveComparison.Setup setup, FleetComparison.FleetSetup fleet,
                                                  OutcomeSink sink, StatusPage page, DeviceMetrics metrics,
                                                  LiveListener listener) {
        if (fleet == null) {
            return LiveComparison.run(setup, sink, listener, listener::log, page, metrics);
        }
        return FleetComparison.run(setup, fleet, sink, listener, listener::log, page,
                new Timeline(setup.scenario().device().id()));
    }

    /** Runs {@code body} with a live status page on {@code webPort} (none when null), closed afterwards. */
    static <T> T withStatusPage(Integer webPort, String who, LiveListener listener, Function<StatusPage, T> body) {
        if (webPort == null) {
            return body.apply(null);
        }
        try (StatusPage page = new StatusPage(webPort)) {
            listener.log(who + ": live status page on http://127.0.0.1:" + page.port() + "/");
            return body.apply(page);
        }
    }
}
