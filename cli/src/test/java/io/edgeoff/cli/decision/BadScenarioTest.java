package io.edgeoff.cli.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A broken scenario file gives exit code 2 and one line naming file, field and value. */
class BadScenarioTest {
    @TempDir
    Path dir;

    private static String seedYaml() throws IOException {
        try (InputStream in = BadScenarioTest.class.getResourceAsStream("/scenarios/seed.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{between: [MD, ED], latencyMillis: 15|{between: [MD, XX], latencyMillis: 15|XX",
        "- [GUI, LOAD_LIBRARY]|- [OUTPUT, GUI]|cycle",
        "CI: {mi: [550, 650]|CI: {mi: [-550, 650]|-550",
        "ANTIVIRUS: 0.05|ANTIVIRUS: 0.50|sum",
    })
    void brokenScenarioNamesTheProblem(String from, String to, String expected) throws IOException {
        String yaml = seedYaml();
        assertThat(yaml).contains(from);
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, yaml.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));

        CliRun run = CliRun.of("decide", "--scenario", file.toString(), "--app", "CHESS");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("edgeoff: ").contains(file.toString()).contains(expected)
                .doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }
}
