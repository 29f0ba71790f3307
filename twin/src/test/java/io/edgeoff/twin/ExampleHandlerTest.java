package io.edgeoff.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.handlers.LocalHandlers;
import io.edgeoff.site.HandlerSettings;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.SiteServer;
import io.edgeoff.task.HandlerLimits;
import io.edgeoff.task.TaskHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example user handler ({@code examples/hello-handler}, not a module of edgeoff) is compiled and packed into
 * its own jar here, at run time, against the task API only; a real site on loopback and the device's local
 * execution then pick it up from that jar, without edgeoff being rebuilt and without the class on the class path.
 */
class ExampleHandlerTest {
    private static final String TOKEN = "example-token-0123456789";
    private static final String HANDLER_CLASS = "com.example.hello.HelloHandler";

    @TempDir
    Path dir;

    @Test
    void aSiteAndTheDevicePickUpAUserHandlerFromItsJar() throws Exception {
        Path jar = buildExampleJar(dir.resolve("build"), dir.resolve("handlers/hello-handler.jar"));
        assertThatThrownBy(() -> Class.forName(HANDLER_CLASS)).isInstanceOf(ClassNotFoundException.class);

        LocalHandlers device = LocalHandlers.load(List.of(jar.getParent()), HandlerLimits.DEFAULT, DeviceClock.SYSTEM);
        byte[] local = device.execute("hello", "Ada Lovelace".getBytes(StandardCharsets.UTF_8),
                Map.of("greeting", "Hi"), 1000, 0).output();

        try (SiteServer site = SiteServer.start(SiteConfig.builder(new Site("ED", SiteKind.EDGE, 1_000_000, 2, 8, 150),
                List.of("R", "DI", "CI"), dir.resolve("site")).token(TOKEN)
                .handlers(HandlerSettings.DEFAULTS.withHandlerPath(List.of(jar.getParent())).withHostMips(1000)).build())) {
            HttpClient client = HttpClient.newHttpClient();
            JsonNode resources = new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + site.port() + "/v1/resources")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + site.port() + "/v1/tasks")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"idempotencyKey\":\"hello-1\",\"kind\":\"R\",\"millionInstructions\":0,\"outKB\":0,"
                                    + "\"inputBase64\":\"" + Base64.getEncoder().encodeToString(
                                    "Ada Lovelace".getBytes(StandardCharsets.UTF_8)) + "\",\"handler\":\"hello\","
                                    + "\"parameters\":{\"greeting\":\"Hi\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + site.port() + "/v1/tasks")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"idempotencyKey\":\"hello-2\",\"kind\":\"R\",\"millionInstructions\":0,\"outKB\":0,"
                                    + "\"inputBase64\":\"\",\"handler\":\"hello\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(resources.get("handlers").toString()).contains("\"hello\"", "\"chess\"");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            byte[] remote = Base64.getDecoder().decode(new ObjectMapper().readTree(answer.body()).get("outputBase64").asText());
            assertThat(new String(remote, StandardCharsets.UTF_8)).isEqualTo("Hi, Ada Lovelace! (2 words)");
            assertThat(remote).isEqualTo(local);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).isEqualTo("{\"code\":\"HANDLER_INVALID_INPUT\",\"message\":\"task hello-2: handler "
                    + "'hello' refused its input: input must be a name, but was empty\"}");
        }
    }

    /** Compiles {@code examples/hello-handler} against the task API alone and packs it with its services file. */
    static Path buildExampleJar(Path classes, Path jar) throws IOException {
        Path example = repoRoot().resolve("examples/hello-handler");
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(example.resolve("src/main/java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        String taskApi;
        try {
            taskApi = Path.of(TaskHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath", taskApi, "-d", classes.toString()));
        args.addAll(sources);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac exit code").isZero();
        Files.createDirectories(jar.getParent());
        Path resources = example.resolve("src/main/resources");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : List.of(classes, resources)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, (OutputStream) out);
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/hello-handler"))) {
            p = p.getParent();
        }
        assertThat(p).as("examples/hello-handler above " + Path.of("").toAbsolutePath()).isNotNull();
        return p;
    }
}
