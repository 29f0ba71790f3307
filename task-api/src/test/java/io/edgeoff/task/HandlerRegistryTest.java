package io.edgeoff.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerRegistryTest {
    @Test
    void findsAHandlerOfTheClassPathByNameThroughServiceLoader() throws Exception {
        HandlerRegistry registry = HandlerRegistry.load(getClass().getClassLoader());

        TaskHandler echo = registry.get("test-echo");

        assertThat(registry.names()).contains("test-echo");
        assertThat(echo).isInstanceOf(TestHandlers.Echo.class);
        assertThat(new String(echo.handle("ab".getBytes(StandardCharsets.UTF_8), Map.of("suffix", "c"),
                HandlerContext.unlimited()), StandardCharsets.UTF_8)).isEqualTo("abc");
    }

    @Test
    void anUnknownNameIsAnErrorNamingTheKnownHandlers() {
        HandlerRegistry registry = HandlerRegistry.of(new TestHandlers.Echo());

        assertThatThrownBy(() -> registry.get("nope"))
                .isInstanceOfSatisfying(HandlerException.class,
                        e -> assertThat(e.reason()).isEqualTo(HandlerException.Cause.UNKNOWN_HANDLER))
                .hasMessage("unknown handler 'nope'; this class path has [test-echo]");
        assertThat(registry.find("nope")).isEmpty();
        assertThat(registry.has("test-echo")).isTrue();
    }

    @Test
    void twoHandlersWithOneNameAreRefusedNamingBothClasses() {
        TaskHandler other = TestHandlers.named("test-echo", (in, p, c) -> in);

        assertThatThrownBy(() -> HandlerRegistry.of(new TestHandlers.Echo(), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two task handlers are named 'test-echo'")
                .hasMessageContaining(TestHandlers.Echo.class.getName())
                .hasMessageContaining(other.getClass().getName());
    }

    @Test
    void anInvalidNameIsRefused() {
        assertThatThrownBy(() -> HandlerRegistry.of(TestHandlers.named("Bad Name", (in, p, c) -> in)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid name 'Bad Name'");
        assertThat(HandlerNames.valid("chess.move-2")).isTrue();
        assertThat(HandlerNames.valid("")).isFalse();
        assertThat(HandlerNames.valid("a".repeat(65))).isFalse();
    }

    @Test
    void aHandlerPathThatDoesNotExistIsNamed(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.jar");
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> HandlerRegistry.load(List.of(missing), getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing + " does not exist");
        assertThatThrownBy(() -> HandlerRegistry.load(List.of(text), getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither a .jar file nor a directory");
        assertThat(HandlerRegistry.load(List.of(dir), getClass().getClassLoader()).names()).contains("test-echo");
    }

    @Test
    void aBrokenServicesEntryIsAClearError(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(TaskHandler.class.getName()), "com.example.Missing\n");
        ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null);

        assertThatThrownBy(() -> HandlerRegistry.load(loader))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a task handler could not be loaded")
                .hasMessageContaining("com.example.Missing");
    }
}
