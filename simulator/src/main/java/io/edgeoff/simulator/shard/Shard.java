package io.edgeoff.simulator.shard;

/**
 * One slice of an experiment's units: shard {@code index} of {@code count} holds every unit whose number {@code u}
 * has {@code u mod count = index} (round robin, so every shard gets a share of every configuration and policy and
 * the shards take about the same time).
 *
 * @param index the shard's index, in [0, count - 1]
 * @param count how many shards the experiment is split into, &gt;= 1
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("shard count must be >= 1, but was " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index must be in [0," + (count - 1) + "] for " + count
                    + " shards, but was " + index);
        }
    }

    /** The whole experiment as one shard. */
    public static Shard whole() {
        return new Shard(0, 1);
    }

    /**
     * @param text {@code I/N}, e.g. {@code 2/4} (the third of four shards)
     * @throws IllegalArgumentException naming {@code --shard} and the text when it is not one
     */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard must be I/N (shard I of N, I from 0), but was '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be I/N with whole numbers, but was '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--shard " + text + ": " + e.getMessage());
        }
    }

    /** @return whether unit number {@code unit} belongs to this shard */
    public boolean contains(long unit) {
        return unit % count == index;
    }

    /** @return how many of units {@code 0 .. total - 1} belong to this shard */
    public long unitsOf(long total) {
        return total <= index ? 0 : (total - index + count - 1) / count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
