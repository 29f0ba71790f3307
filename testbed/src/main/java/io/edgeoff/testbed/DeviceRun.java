package io.edgeoff.testbed;

import io.edgeoff.common.process.ManagedProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code edgeoff device} process of a test-bed run, in its device's namespace: the seed's single device, or one
 * device of a fleet ({@code fleetDevice:} in its device file).
 */
final class DeviceRun {
    private final String deviceId;
    private final String fleetDevice;
    private final String processName;
    private final String configFile;
    private final Path outDir;
    private final Path dbDir;
    private ManagedProcess process;

    /**
     * @param deviceId    the namespace's device id (the scenario's DEVICE site, or the fleet device)
     * @param fleetDevice the fleet device's id for the device file, or null for the seed's single device
     */
    DeviceRun(String deviceId, String fleetDevice, String processName, String configFile, Path outDir, Path dbDir) {
        this.deviceId = deviceId;
        this.fleetDevice = fleetDevice;
        this.processName = processName;
        this.configFile = configFile;
        this.outDir = outDir;
        this.dbDir = dbDir;
    }

    /** Starts {@code edgeoff device --config deviceConfig --db-url ... extraArgs...} in the device's namespace. */
    DeviceRun start(Testbed testbed, Path deviceConfig, List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of("device", "--config", deviceConfig.toString(),
                "--db-url", "jdbc:h2:file:" + dbDir.resolve("edgeoff")));
        args.addAll(extraArgs);
        process = testbed.startIn(deviceId, processName, JavaCommand.of(TestbedRun.CLI_MAIN, 384, args));
        return this;
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

    ManagedProcess process() {
        return process;
    }
}
