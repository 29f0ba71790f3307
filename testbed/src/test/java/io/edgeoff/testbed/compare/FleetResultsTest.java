package io.edgeoff.testbed.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetResultsTest {
    private static final String HEADER = "policy,configuration,sample,execution,executions,tasks,response_s,energy_j,"
            + "battery_percent_left,offload_attempts,offload_failures,service_availability_percent,tasks_lost,"
            + "tasks_MD,failures_MD\n";

    @Test
    void writesOneSummaryRowPerDeviceAndPolicyAndJoinsTheDevicesCellRows(@TempDir Path dir) throws IOException {
        Path a = device(dir, "a", HEADER + "mdp,0,0,0,1,5,0.5,0.4,99.99,2,1,50.0,0,5,0\n"
                + "mdp,0,0,1,1,5,1.5,0.6,99.99,2,0,100.0,0,5,0\n");
        Path b = device(dir, "b", HEADER + "mdp,0,0,0,1,5,2.0,1.0,99.99,0,0,100.0,0,5,0\n"
                + "local,0,0,0,1,5,3.0,2.0,99.99,0,0,100.0,0,5,0\n");
        Files.writeString(a.resolve("cells.csv"), "policy,device,cell,tasks\nmdp,a,HOME,10\nmdp,a,STATION,4\n");
        Map<String, Path> dirs = new LinkedHashMap<>();
        dirs.put("a", a);
        dirs.put("b", b);

        String text = FleetResults.collect(dir, dirs);

        List<String> devices = Files.readAllLines(dir.resolve(FleetResults.DEVICES_FILE));
        assertThat(devices.get(0)).startsWith("device,policy,executions,samples,mean_response_s,");
        assertThat(devices).hasSize(4);
        assertThat(devices.subList(1, 4)).extracting(l -> l.split(",")[0] + " " + l.split(",")[1] + " "
                + l.split(",")[2] + " " + l.split(",")[4]).containsExactly("a mdp 2 1.0", "b mdp 1 2.0", "b local 1 3.0");
        assertThat(Files.readAllLines(dir.resolve(FleetResults.CELLS_FILE)))
                .containsExactly("policy,device,cell,tasks", "mdp,a,HOME,10", "mdp,a,STATION,4");
        assertThat(text).contains("| a | mdp | 2 | 1.000 ± ", "| b | local | 1 | 3.000 ± n/a",
                "| mdp | a | HOME | 10 |", "no per-cell rows from [b]");
    }

    private static Path device(Path dir, String id, String executions) throws IOException {
        Path d = Files.createDirectories(dir.resolve("device-" + id));
        Files.writeString(d.resolve("executions.csv"), executions);
        return d;
    }
}
