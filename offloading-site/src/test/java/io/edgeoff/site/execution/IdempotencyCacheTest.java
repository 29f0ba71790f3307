package io.edgeoff.site.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class IdempotencyCacheTest {
    private static TaskResult result(String key, long digest) {
        return new TaskResult(key, digest, (int) (digest & 0xFFF), digest * 3, digest * 7);
    }

    private static IdempotencyCache.Entry done(String key, long digest) {
        return new IdempotencyCache.Entry(digest ^ 0x55, CompletableFuture.completedFuture(result(key, digest)));
    }

    @Test
    void remembersTheLastCompletedKeysAndForgetsTheOldestFirst() {
        IdempotencyCache cache = new IdempotencyCache(3);
        for (int i = 1; i <= 4; i++) {
            cache.put("k" + i, done("k" + i, i));
        }

        assertThat(cache.get("k1")).isEmpty();
        for (int i = 2; i <= 4; i++) {
            IdempotencyCache.Entry entry = cache.get("k" + i).orElseThrow();
            assertThat(entry.fingerprint()).isEqualTo(i ^ 0x55);
            assertThat(entry.result().join()).isEqualTo(result("k" + i, i));
        }
        assertThat(cache.size()).isEqualTo(3);
    }

    private static IdempotencyCache.Entry withOutput(String key, int bytes) {
        byte[] output = new byte[bytes];
        java.util.Arrays.fill(output, (byte) bytes);
        return new IdempotencyCache.Entry(bytes, CompletableFuture.completedFuture(
                new TaskResult(key, 0, bytes, 1, 2, output)));
    }

    @Test
    void keepsHandlerOutputsWithinTheirBudgetAndForgetsThemWithTheirKeys() {
        IdempotencyCache cache = new IdempotencyCache(2, 100);

        cache.put("a", withOutput("a", 60));
        cache.put("b", withOutput("b", 50)); // 110 > 100: not remembered, its repeat runs again
        cache.put("c", withOutput("c", 40));

        assertThat(cache.get("a").orElseThrow().result().join().output()).hasSize(60).containsOnly(60);
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("c").orElseThrow().result().join().output()).hasSize(40);
        assertThat(cache.payloadBytes()).isEqualTo(100);

        cache.put("d", done("d", 9)); // a synthetic result takes the oldest slot ("a") and frees its output

        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.payloadBytes()).isEqualTo(40);
        assertThat(cache.get("d").orElseThrow().result().join().payload()).isNull();
    }

    @Test
    void aRunningKeyIsRememberedAndKeptWhenItCompletesButNotWhenItFails() {
        IdempotencyCache cache = new IdempotencyCache(10);
        CompletableFuture<TaskResult> ok = new CompletableFuture<>();
        CompletableFuture<TaskResult> failing = new CompletableFuture<>();
        IdempotencyCache.Entry running = new IdempotencyCache.Entry(1, ok);
        cache.put("ok", running);
        cache.put("failing", new IdempotencyCache.Entry(2, failing));

        assertThat(cache.get("ok")).containsSame(running);
        assertThat(cache.size()).isEqualTo(2);

        ok.complete(result("ok", 9));
        failing.completeExceptionally(new IllegalStateException("boom"));

        assertThat(cache.get("ok").orElseThrow().result().join()).isEqualTo(result("ok", 9));
        assertThat(cache.get("failing")).isEmpty();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void removeForgetsARunningKeyOnlyForItsOwnEntry() {
        IdempotencyCache cache = new IdempotencyCache(10);
        IdempotencyCache.Entry entry = new IdempotencyCache.Entry(1, new CompletableFuture<>());
        cache.put("k", entry);

        cache.remove("k", new IdempotencyCache.Entry(1, new CompletableFuture<>()));
        assertThat(cache.get("k")).isPresent();
        cache.remove("k", entry);
        assertThat(cache.get("k")).isEmpty();
    }

    @Test
    void behavesLikeAnInsertionOrderedMapOverSeededRandomWorkWithCollidingKeys() {
        SplittableRandom random = new SplittableRandom(7);
        for (int capacity : new int[] {1, 2, 5, 64, 1000}) {
            IdempotencyCache cache = new IdempotencyCache(capacity);
            Map<String, Long> model = new LinkedHashMap<>();
            // "Aa" and "BB" have the same hashCode, so keys built from them collide in the index.
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 3 * capacity + 20; i++) {
                StringBuilder key = new StringBuilder();
                for (int part = 0; part < 3; part++) {
                    key.append(random.nextBoolean() ? "Aa" : "BB");
                }
                keys.add(key.append(random.nextInt(capacity + 5)).toString());
            }
            for (int step = 0; step < 20_000; step++) {
                String key = keys.get(random.nextInt(keys.size()));
                if (random.nextInt(3) == 0 || model.containsKey(key)) {
                    Long expected = model.get(key);
                    var found = cache.get(key);
                    assertThat(found.map(e -> e.result().join().digest())).as("capacity %d step %d key %s", capacity,
                            step, key).isEqualTo(java.util.Optional.ofNullable(expected));
                } else {
                    long digest = random.nextLong();
                    cache.put(key, done(key, digest));
                    model.put(key, digest);
                    if (model.size() > capacity) {
                        model.remove(model.keySet().iterator().next());
                    }
                }
                assertThat(cache.size()).isEqualTo(model.size());
            }
        }
    }

    @Test
    void rejectsAnImpossibleCapacity() {
        assertThatThrownBy(() -> new IdempotencyCache(0)).hasMessageContaining("must be >= 1, but was 0");
    }
}
