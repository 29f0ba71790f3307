package io.edgeoff.site.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskOrderTest {
    private static byte[] input(int size) {
        byte[] input = new byte[size];
        for (int i = 0; i < size; i++) {
            input[i] = (byte) (i * 31 + 7);
        }
        return input;
    }

    @Test
    void aChangeOfAnyInputByteOrOfTheTaskChangesTheFingerprint() {
        byte[] input = input(1029);
        TaskOrder base = new TaskOrder("k", "T1", "R", 10, 1024, input);
        Set<Long> seen = new HashSet<>();
        seen.add(base.fingerprint());
        for (int i = 0; i < input.length; i++) {
            byte[] changed = input.clone();
            changed[i] ^= 1;
            assertThat(seen.add(new TaskOrder("k", "T1", "R", 10, 1024, changed).fingerprint()))
                    .as("flipping the low bit of byte %d", i).isTrue();
        }
        assertThat(seen.add(new TaskOrder("k", "T2", "R", 10, 1024, input).fingerprint())).isTrue();
        assertThat(seen.add(new TaskOrder("k", "T1", "DI", 10, 1024, input).fingerprint())).isTrue();
        assertThat(seen.add(new TaskOrder("k", "T1", "R", 10.5, 1024, input).fingerprint())).isTrue();
        assertThat(seen.add(new TaskOrder("k", "T1", "R", 10, 1025, input).fingerprint())).isTrue();
        assertThat(seen.add(new TaskOrder("k", "T1", "R", 10, 1024, input(1028)).fingerprint())).isTrue();
    }

    @Test
    void theKeyIsNotPartOfTheFingerprint() {
        byte[] input = input(100);

        assertThat(new TaskOrder("a", "T", "R", 1, 1, input).fingerprint())
                .isEqualTo(new TaskOrder("b", "T", "R", 1, 1, input.clone()).fingerprint());
    }
}
