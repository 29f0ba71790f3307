package io.edgeoff.site.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeoff.site.TestSites;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that appends to the failure file with SIGKILL at random moments, many times,
 * and checks after each kill that every acknowledged record is present and intact.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class FailureFileCrashSafetyTest {
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    static String detailFor(long sequence) {
        return "rejected=" + sequence + " check=" + Long.toHexString(sequence * 0x9E3779B97F4A7C15L);
    }

    @Test
    void everyAcknowledgedRecordSurvivesSigkillAtRandomMoments() throws Exception {
        SplittableRandom random = new SplittableRandom(20_261_129L);
        long acknowledgedOverall = 0;
        int recoveredTornTails = 0;

        for (int kill = 0; kill < KILLS; kill++) {
            Process child = TestSites.startChildJvm(FailureFileAppenderMain.class, List.of(dir.toString()));
            AtomicLong lastAck = new AtomicLong();
            AtomicLong acksThisRun = new AtomicLong();
            Thread reader = new Thread(() -> readAcks(child, lastAck, acksThisRun));
            reader.start();
            // Kill after a random number of acknowledgements; the child keeps appending meanwhile, so the
            // SIGKILL lands at an arbitrary point of its write-sync-acknowledge loop.
            long killAfterAcks = 1 + random.nextInt(300);
            await().atMost(Duration.ofSeconds(60)).until(() -> acksThisRun.get() >= killAfterAcks || !child.isAlive());
            child.destroyForcibly(); // SIGKILL on Linux
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            if (kill % 2 == 1) {
                simulateTornWrite(random);
            }

            try (FailureFile file = FailureFile.open(dir, new FailureFileOptions(4096, 1000), Clock.systemUTC())) {
                List<FailureRecord> records = file.records();
                if (file.recovery().tornTailDiscarded()) {
                    recoveredTornTails++;
                }
                if (kill % 2 == 1) {
                    assertThat(file.recovery().tornTailDiscarded()).as("the simulated torn tail was cut").isTrue();
                }
                assertThat(records.size()).isGreaterThanOrEqualTo((int) lastAck.get());
                for (int i = 0; i < records.size(); i++) {
                    FailureRecord r = records.get(i);
                    assertThat(r.sequence()).isEqualTo(i + 1);
                    assertThat(r.type()).isEqualTo(FailureEventType.OVERLOAD);
                    assertThat(r.detail()).isEqualTo(detailFor(r.sequence()));
                }
                acknowledgedOverall = Math.max(acknowledgedOverall, lastAck.get());
            }
        }

        assertThat(acknowledgedOverall).as("the children acknowledged records before being killed").isPositive();
        assertThat(recoveredTornTails).isGreaterThanOrEqualTo(KILLS / 2);
        System.out.println("crash safety: " + KILLS + " kills, " + acknowledgedOverall + " acknowledged records, "
                + recoveredTornTails + " torn tails cut");
    }

    /** Appends a random prefix of a valid next record to the newest segment, as a power loss mid-write would leave it. */
    private void simulateTornWrite(SplittableRandom random) throws java.io.IOException {
        Path newest;
        try (var files = java.nio.file.Files.list(dir)) {
            newest = files.filter(p -> p.getFileName().toString().endsWith(".rec")).sorted().reduce((a, b) -> b)
                    .orElseThrow();
        }
        byte[] record = RecordCodec.encode(new FailureRecord(999_999, java.time.Instant.now(),
                FailureEventType.OVERLOAD, detailFor(999_999)));
        int length = 1 + random.nextInt(record.length - 1);
        java.nio.file.Files.write(newest, java.util.Arrays.copyOf(record, length),
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static void readAcks(Process child, AtomicLong lastAck, AtomicLong count) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    lastAck.set(Long.parseLong(line.substring(4).trim()));
                    count.incrementAndGet();
                }
            }
        } catch (Exception e) {
            // The child was killed mid-line: the last complete ACK stands.
        }
    }
}
