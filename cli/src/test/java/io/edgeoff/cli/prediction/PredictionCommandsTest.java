package io.edgeoff.cli.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.cli.EdgeoffCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PredictionCommandsTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = EdgeoffCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path siteTrace() throws IOException {
        return file("site.csv", "node,start,end\n"
                + "0/3,2024-05-01T23:00:00Z,2024-05-02T02:00:00Z\n"
                + "0/3,2024-05-04T12:00:00Z,2024-05-04T18:00:00Z\n");
    }

    @Test
    void traceAvailabilityPrintsOneNumberPerSlotAsJson() throws IOException {
        Run r = run("trace", "availability", "--trace", siteTrace().toString(), "--system", "0", "--node", "3", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("start").asText()).isEqualTo("2024-05-01T00:00:00Z");
        assertThat(doc.get("slot").asText()).isEqualTo("1d");
        assertThat(doc.get("availability")).hasSize(4);
        assertThat(doc.get("availability").get(0).asDouble()).isEqualTo(1 - 60.0 / 1440);
        assertThat(doc.get("availability").get(3).asDouble()).isEqualTo(0.75);
    }

    @Test
    void predictWithoutATraceUsesTheSyntheticDefaultAndForecastsTheHorizon() throws IOException {
        Run r = run("predict", "--system", "16", "--node", "1", "--model", "markov", "--protocol", "walk-forward",
                "--horizon", "3", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("synthetic");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("forecast")).hasSize(3);
        assertThat(doc.get("metrics").get("nrmse").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void traceNodesListsTheCatalogue() throws IOException {
        Run r = run("trace", "nodes", "--trace", siteTrace().toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 nodes").contains("2 outages");
    }

    @Test
    void anUnreadableFileIsAUserError() {
        Run r = run("trace", "nodes", "--trace", dir.resolve("nope.csv").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("edgeoff: ").contains("nope.csv").contains("does not exist");
    }

    @Test
    void aWrongHeaderIsAUserError() throws IOException {
        Run r = run("trace", "nodes", "--trace", file("x.csv", "a,b\n1,2\n").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("x.csv").contains("unknown header");
    }

    @Test
    void anUnknownNodeIsAUserError() throws IOException {
        Run r = run("trace", "availability", "--trace", siteTrace().toString(), "--system", "9", "--node", "9");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("node 9/9 is not in trace");
    }

    @Test
    void aTraceWithoutOutagesIsAUserError() throws IOException {
        Run r = run("trace", "nodes", "--trace", file("empty.csv", "node,start,end\n").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no readable outage");
    }

    @Test
    void aNonPositiveSlotLengthIsAUserError() throws IOException {
        Run r = run("trace", "availability", "--trace", siteTrace().toString(), "--system", "0", "--node", "3",
                "--slot", "0h");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("slot length must be > 0");
    }

    @Test
    void anUnknownModelOrProtocolIsAUserError() {
        assertThat(run("predict", "--system", "16", "--node", "1", "--model", "oracle").err()).contains("unknown model 'oracle'");
        assertThat(run("predict", "--system", "16", "--node", "1", "--protocol", "future").exitCode()).isEqualTo(2);
    }
}
