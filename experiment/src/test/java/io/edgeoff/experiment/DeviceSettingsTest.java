package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.device.runtime.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device file's {@code runtime:} section: defaults, every switch, and errors that name the field. */
class DeviceSettingsTest {
    private static final String SITES = "token: secret-token-123\nsites:\n  EC: http://127.0.0.1:8082\n";

    @TempDir
    Path dir;

    private DeviceSettings read(String yaml) throws Exception {
        return DeviceSettings.read(Files.writeString(dir.resolve("device.yaml"), SITES + yaml));
    }

    @Test
    void withoutARuntimeSectionTheRuntimeHasItsDefaults() throws Exception {
        assertThat(read("").runtime()).isEqualTo(RuntimeConfig.ofDefaults());
    }

    @Test
    void everyRuntimeSwitchIsRead() throws Exception {
        RuntimeConfig r = read("""
                runtime:
                  threads: 3
                  maxRemoteAttempts: 2
                  verifyOutputs: false
                  measuredInputs: false
                  learnAvailability: false
                """).runtime();

        assertThat(r.threads()).isEqualTo(3);
        assertThat(r.placement().maxRemoteAttempts()).isEqualTo(2);
        assertThat(r.verifyOutputs()).isFalse();
        assertThat(r.measuredInputs()).isFalse();
        assertThat(r.learnAvailability()).isFalse();
    }

    @Test
    void badRuntimeValuesNameTheFileAndTheField() {
        assertThatThrownBy(() -> read("runtime:\n  learnAvailability: maybe\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("device.yaml").hasMessageContaining("runtime.learnAvailability")
                .hasMessageContaining("maybe");
        assertThatThrownBy(() -> read("runtime:\n  maxRemoteAttempts: 0\n"))
                .hasMessageContaining("runtime.maxRemoteAttempts: must be in [1,100], but was 0");
        assertThatThrownBy(() -> read("runtime:\n  excludeSuspected: true\n"))
                .hasMessageContaining("runtime.excludeSuspected: unknown field")
                .hasMessageContaining("learnAvailability");
        assertThatThrownBy(() -> read("runtime: fast\n")).hasMessageContaining("runtime: expected a mapping");
    }
}
