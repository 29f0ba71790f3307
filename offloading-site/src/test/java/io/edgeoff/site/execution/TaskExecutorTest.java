package io.edgeoff.site.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.edgeoff.common.compute.ComputeKernel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {
    private static TaskOrder order(String key, double mi) {
        return new TaskOrder(key, "T", "R", mi, 16, new byte[] {1, 2, 3});
    }

    @Test
    void pacesATaskSoThatMiOverMipsSecondsElapse() throws Exception {
        ThroughputMeter meter = new ThroughputMeter(System::nanoTime);
        try (TaskExecutor executor = new TaskExecutor("T", 1000, 1, 4, System::nanoTime,
                Pacer.parking(System::nanoTime), meter)) {
            TaskResult result = executor.submit(order("a", 50)).get(60, TimeUnit.SECONDS);

            assertThat(result.executionNanos()).isGreaterThanOrEqualTo(50_000_000L);
            assertThat(result.output()).isEqualTo(ComputeKernel.expectedOutput("R", 50, new byte[] {1, 2, 3}, 16));
        }
    }

    @Test
    void asksThePacerToWaitUntilStartPlusMiOverMips() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        AtomicLong deadline = new AtomicLong();
        Pacer pacer = d -> {
            deadline.set(d);
            now.set(d);
        };
        try (TaskExecutor executor = new TaskExecutor("T", 8000, 1, 4, now::get, pacer,
                new ThroughputMeter(now::get))) {
            TaskResult result = executor.submit(order("a", 600)).get(60, TimeUnit.SECONDS);

            assertThat(deadline.get()).isEqualTo(1_000_000_000L + 75_000_000L);
            assertThat(result.executionNanos()).isEqualTo(75_000_000L);
        }
    }

    @Test
    void rejectsWhenEveryCoreIsBusyAndTheQueueIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Pacer blocking = d -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (TaskExecutor executor = new TaskExecutor("T", 1000, 1, 1, System::nanoTime, blocking,
                new ThroughputMeter(System::nanoTime))) {
            CompletableFuture<TaskResult> running = executor.submit(order("a", 1));
            await().atMost(Duration.ofSeconds(60)).until(() -> executor.running() == 1);
            CompletableFuture<TaskResult> queued = executor.submit(order("b", 1));

            assertThat(executor.queueLength()).isEqualTo(1);
            assertThatThrownBy(() -> executor.submit(order("c", 1))).isInstanceOf(SaturatedException.class)
                    .hasMessageContaining("1 cores busy and 1 tasks queued")
                    .satisfies(e -> assertThat(((SaturatedException) e).retryAfterSeconds()).isGreaterThanOrEqualTo(1));
            release.countDown();
            assertThat(running.get(60, TimeUnit.SECONDS).queueWaitNanos()).isGreaterThanOrEqualTo(0);
            assertThat(queued.get(60, TimeUnit.SECONDS).queueWaitNanos()).isPositive();
        }
    }

    @Test
    void measuresThroughputOverTheLastTenWholeSeconds() {
        AtomicLong now = new AtomicLong(100_000_000_000L);
        ThroughputMeter meter = new ThroughputMeter(now::get);

        meter.record(300);
        meter.record(200);
        double sameSecond = meter.recentMips();
        now.addAndGet(1_000_000_000L);
        double nextSecond = meter.recentMips();
        now.addAndGet(20_000_000_000L);

        assertThat(sameSecond).isZero();
        assertThat(nextSecond).isEqualTo(50.0);
        assertThat(meter.recentMips()).isZero();
    }
}
