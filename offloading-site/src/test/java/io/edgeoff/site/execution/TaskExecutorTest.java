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

    /** A pacer that holds every task until the latch opens; the executor's clock stands still meanwhile. */
    private static Pacer heldUntil(CountDownLatch release) {
        return d -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void onAColdSiteRetryAfterIsTheWorkAheadOverRatedMipsTimesCores() throws Exception {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        CountDownLatch release = new CountDownLatch(1);
        try (TaskExecutor executor = new TaskExecutor("T", 100, 2, 2, now::get, heldUntil(release),
                new ThroughputMeter(now::get))) {
            executor.submit(order("a", 300));
            executor.submit(order("b", 300));
            await().atMost(Duration.ofSeconds(5)).until(() -> executor.running() == 2);
            executor.submit(order("c", 300));
            executor.submit(order("d", 300));

            long rejectedRetryAfter = 0;
            try {
                executor.submit(order("e", 300));
            } catch (SaturatedException e) {
                rejectedRetryAfter = e.retryAfterSeconds();
            }
            now.addAndGet(1_000_000_000L);
            long oneSecondLater = executor.retryAfterSeconds();
            release.countDown();

            // (2 x 300 MI left running + 2 x 300 MI queued) / (100 MIPS x 2 cores) = 6 s; 1 s later the
            // running tasks have 2 s left each: (2 x 200 + 600) / 200 = 5 s.
            assertThat(rejectedRetryAfter).isEqualTo(6);
            assertThat(oneSecondLater).isEqualTo(5);
        }
    }

    @Test
    void retryAfterIsClampedToFiveMinutes() throws Exception {
        AtomicLong now = new AtomicLong(0);
        CountDownLatch release = new CountDownLatch(1);
        try (TaskExecutor executor = new TaskExecutor("T", 1, 1, 1, now::get, heldUntil(release),
                new ThroughputMeter(now::get))) {
            executor.submit(order("a", 10_000));
            await().atMost(Duration.ofSeconds(5)).until(() -> executor.running() == 1);
            executor.submit(order("b", 10_000));

            long retryAfter = executor.retryAfterSeconds();
            release.countDown();

            assertThat(retryAfter).isEqualTo(TaskExecutor.MAX_RETRY_AFTER_SECONDS);
        }
    }

    @Test
    void anIdleSiteSaysOneSecond() {
        try (TaskExecutor executor = new TaskExecutor("T", 100, 1, 1, System::nanoTime, d -> { },
                new ThroughputMeter(System::nanoTime))) {
            assertThat(executor.retryAfterSeconds()).isEqualTo(TaskExecutor.MIN_RETRY_AFTER_SECONDS);
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
