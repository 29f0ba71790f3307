package io.edgeoff.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.cli.EdgeoffCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-format}: a real {@code edgeoff site} in a child JVM logs its start and its SIGTERM stop
 * on stderr, as text lines by default and as one JSON object per line with {@code json}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jsonWritesEveryLogLineAsOneJsonObject() throws Exception {
        List<String> lines = siteLog("json");

        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.get("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(event.hasNonNull("loggerName")).as(line).isTrue();
            assertThat(event.hasNonNull("timestamp")).as(line).isTrue();
        });
        List<String> messages = lines.stream().map(l -> {
            try {
                return JSON.readTree(l).get("formattedMessage").asText();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(messages).anyMatch(m -> m.startsWith("site EC listening on http://127.0.0.1:"))
                .anyMatch(m -> m.startsWith("site EC stopped:"));
    }

    @Test
    void textIsTheDefaultLayout() throws Exception {
        List<String> lines = siteLog(null);

        assertThat(lines).anyMatch(l -> l.matches("\\[main] INFO io\\.edgeoff\\.site\\.SiteServer - site EC listening on .*"))
                .noneMatch(l -> l.startsWith("{"));
    }

    /** Starts {@code edgeoff site --site EC} (with {@code --log-format format} unless null), stops it with SIGTERM, returns its stderr. */
    private List<String> siteLog(String format) throws Exception {
        Path err = dir.resolve("stderr.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EdgeoffCommand.class.getName(), "site", "--site", "EC",
                "--port", "0", "--data-dir", dir.resolve("data").toString(), "--token", "log-format-test-token"));
        if (format != null) {
            command.addAll(List.of("--log-format", format));
        }
        Process site = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.readString(err).contains("listening on"));
            site.destroy();
            assertThat(site.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            site.destroyForcibly();
        }
        return Files.readAllLines(err).stream().filter(l -> !l.isBlank()).toList();
    }
}
