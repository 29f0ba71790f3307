package io.edgeoff.simulator.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

    @Test
    void parsesIndexSlashCount() {
        Shard shard = Shard.parse("2/4");

        assertThat(shard).isEqualTo(new Shard(2, 4));
        assertThat(shard).hasToString("2/4");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "4/4; shard index must be in [0,3] for 4 shards, but was 4",
        "-1/4; shard index must be in [0,3] for 4 shards, but was -1",
        "0/0; shard count must be >= 1, but was 0",
        "1; --shard must be I/N",
        "a/b; --shard must be I/N with whole numbers, but was 'a/b'",
        "1/2/3; --shard must be I/N"})
    void refusesWhatIsNotAShardNamingTheFlag(String text, String message) {
        assertThatThrownBy(() -> Shard.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageContaining("--shard");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 3, 7, 100, 101})
    void everyUnitBelongsToExactlyOneShardAndTheCountsAddUp(long total) {
        int count = 4;

        long counted = 0;
        for (int i = 0; i < count; i++) {
            Shard shard = new Shard(i, count);
            long mine = LongStream.range(0, total).filter(shard::contains).count();
            assertThat(shard.unitsOf(total)).as("units of shard %s of %d", shard, total).isEqualTo(mine);
            counted += mine;
        }

        assertThat(counted).isEqualTo(total);
        assertThat(LongStream.range(0, total).allMatch(u -> LongStream.range(0, count)
                .filter(i -> new Shard((int) i, count).contains(u)).count() == 1)).isTrue();
    }
}
