package io.edgeoff.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import io.edgeoff.cli.EdgeoffCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The shared options are declared once (in this package's mixins) and every command that uses one still
 * parses it, keeps its default, and shows it with the mixin's help text.
 */
class SharedOptionsTest {

    /** The spec of {@code option} in the command at {@code path}, after parsing {@code path + extra}. */
    private static OptionSpec parsed(String path, String option, String... extra) {
        CommandLine root = EdgeoffCommand.commandLine();
        List<String> args = new ArrayList<>(Arrays.asList(path.split(" ")));
        args.addAll(Arrays.asList(extra));
        root.parseArgs(args.toArray(String[]::new));
        CommandLine command = root;
        for (String name : path.split(" ")) {
            command = command.getSubcommands().get(name);
        }
        return command.getCommandSpec().findOption(option);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "decide             | --scenario | 'commuter-3-hotspots' (built in) or a scenario YAML file",
        "decide             | --seed     | Draw distributed latencies (the cloud's) once",
        "decide             | --json     | Print JSON instead of text.",
        "simulate           | --scenario | 'commuter-3-hotspots' (built in) or a scenario YAML file",
        "simulate           | --seed     | Run seed: the workload, failure traces",
        "simulate bench     | --scenario | 'commuter-3-hotspots' (built in) or a scenario YAML file",
        "simulate bench     | --seed     | Run seed: the workload, failure traces",
        "demo               | --seed     | Run seed: the workload, failure traces",
        "testbed up         | --scenario | 'commuter-3-hotspots' (built in) or a scenario YAML file",
        "testbed up         | --seed     | Draw distributed latencies (the cloud's) once",
        "testbed measure    | --scenario | 'commuter-3-hotspots' (built in) or a scenario YAML file",
        "testbed run        | --scenario | 'commuter-3-hotspots' (built in) or a scenario YAML file",
        "testbed run        | --seed     | Draw distributed latencies (the cloud's) once",
        "predict            | --json     | Print JSON instead of text.",
        "predict timing     | --json     | Print JSON instead of text.",
        "trace nodes        | --json     | Print JSON instead of text.",
        "trace availability | --json     | Print JSON instead of text.",
        "demo               | --out      | Output directory (default: out).",
        "device             | --out      | Output directory (default: the --config file's 'out').",
        "detection-bench    | --out      | Output directory (default: out/detection-bench).",
        "simulate           | --out      | Output directory (default: simulation).",
        "testbed up         | --out      | Output directory (default: target/testbed).",
        "testbed run        | --out      | Output directory (default: target/testbed).",
        "simulate           | --policy-path | Policy plug-ins: jars (or directories of jars)",
        "simulate           | --external-fallback | Policy that decides when an external:URL policy is late",
        "demo               | --policy-path | Policy plug-ins: jars (or directories of jars)",
        "demo               | --external-fallback | Policy that decides when an external:URL policy is late",
        "device             | --policy-path | Policy plug-ins: jars (or directories of jars)",
        "device             | --external-fallback | Policy that decides when an external:URL policy is late",
        "decide             | --policy-path | Policy plug-ins: jars (or directories of jars)",
        "decide             | --external-fallback | Policy that decides when an external:URL policy is late",
        "policies           | --policy-path | Policy plug-ins: jars (or directories of jars)",
        "policies           | --external-fallback | Policy that decides when an external:URL policy is late",
    })
    void everyCommandUsingASharedOptionShowsItInItsHelp(String path, String option, String text) {
        List<String> args = new ArrayList<>(Arrays.asList(path.split(" ")));
        args.add("--help");

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        String usage = run.out().replaceAll("\\s+", " ");
        assertThat(usage).contains(option).contains(text);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "decide         | --scenario | my.yaml | --app,CHESS",
        "decide         | --seed     | 42      | --app,CHESS",
        "simulate       | --scenario | my.yaml | ",
        "simulate       | --seed     | 42      | ",
        "simulate bench | --scenario | my.yaml | ",
        "simulate bench | --seed     | 42      | ",
        "demo           | --seed     | 42      | ",
        "testbed up     | --scenario | my.yaml | ",
        "testbed up     | --seed     | 42      | ",
        "testbed run    | --seed     | 42      | ",
        "demo           | --out      | x/y     | ",
        "simulate       | --out      | x/y     | ",
        "testbed run    | --out      | x/y     | ",
    })
    void everyCommandUsingASharedOptionParsesIt(String path, String option, String value, String required) {
        String[] extra = required == null ? new String[0] : required.split(",");
        String[] args = new String[extra.length + 2];
        System.arraycopy(extra, 0, args, 0, extra.length);
        args[extra.length] = option;
        args[extra.length + 1] = value;

        OptionSpec spec = parsed(path, option, args);

        assertThat(String.valueOf((Object) spec.getValue())).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} {1} defaults to {2}")
    @CsvSource(delimiter = '|', value = {
        "decide         | --scenario | seed | --app,CHESS",
        "decide         | --seed     | null | --app,CHESS",
        "simulate       | --scenario | seed | ",
        "simulate       | --seed     | 1    | ",
        "simulate bench | --seed     | 1    | ",
        "demo           | --seed     | 1    | ",
        "testbed up     | --seed     | null | ",
        "predict        | --seed     | 5725 | ",
        "predict compare| --seed     | 5725 | ",
        "demo           | --out      | out  | ",
        "detection-bench| --out      | out/detection-bench | ",
        "simulate       | --out      | simulation | ",
        "testbed run    | --out      | target/testbed | ",
    })
    void eachCommandKeepsItsDocumentedDefault(String path, String option, String expected, String required) {
        String[] extra = required == null ? new String[0] : required.split(",");

        OptionSpec spec = parsed(path.trim(), option, extra);

        assertThat(String.valueOf((Object) spec.getValue())).isEqualTo(expected);
    }
}
