package io.edgeoff.testbed;

import io.edgeoff.common.process.ManagedProcess;
import io.edgeoff.testbed.mobility.CellSwitcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code edgeoff device} process of a test-bed run, in its device's namespace: the seed's single device, or one
 * device of a fleet ({@code fleetDevice:} in its device file) with the cell switcher that moves its links.
 */
final class DeviceRun {
    private final String deviceId;
    private final String fleetDevice;
    private final String processName;
    private final String configFile;
    private final Path outDir;
    private final Path dbDir;
    private final CellSwitcher switcher;
    private ManagedProcess process;
    private boolean switching;

    /**
     * @param deviceId    the namespace's device id (the scenario's DEVICE site, or the fleet device)
     * @param fleetDevice the fleet device's id for the device file, or null for the seed's single device
     * @param switcher    moves the device's links with its cell schedule, or null for a device that stays
     */
    DeviceRun(String deviceId, String fleetDevice, String processName, String configFile, Path outDir, Path dbDir,
              CellSwitcher switcher) {
        this.deviceId = deviceId;
        this.fleetDevice = fleetDevice;
        this.processName = processName;
        this.configFile = configFile;
        this.outDir = outDir;
        this.dbDir = dbDir;
        this.switcher = switcher;
    }

    /** Starts {@code edgeoff device --config deviceConfig --db-url ... extraArgs...} in the device's namespace. */
    DeviceRun start(Testbed testbed, Path deviceConfig, List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of("device", "--config", deviceConfig.toString(),
                "--db-url", "jdbc:h2:file:" + dbDir.resolve("edgeoff")));
        args.addAll(extraArgs);
        process = testbed.startIn(deviceId, processName, JavaCommand.of(TestbedRun.CLI_MAIN, 384, args));
        return this;
    }

    /**
     * @return true when {@code line} of the device's output is the one a fleet device prints when its cell tracking
     *         starts ({@code device <id>: N executions x P policies, starts in cell C}), right before its first
     *         execution: the device's schedule time 0
     */
    boolean beginsMobility(String line) {
        return fleetDevice != null && line.contains("device " + fleetDevice + ": ") && line.contains(", starts in cell ");
    }

    /** Starts the cell switcher once (the device's schedule time 0 is now). */
    void startSwitching() {
        if (switcher != null && !switching) {
            switching = true;
            switcher.start();
        }
    }

    void stopSwitching() {
        if (switcher != null) {
            switcher.close();
        }
    }

    String deviceId() {
        return deviceId;
    }

    String fleetDevice() {
        return fleetDevice;
    }

    String configFile() {
        return configFile;
    }

    Path outDir() {
        return outDir;
    }

    CellSwitcher switcher() {
        return switcher;
    }

    ManagedProcess process() {
        return process;
    }
}
