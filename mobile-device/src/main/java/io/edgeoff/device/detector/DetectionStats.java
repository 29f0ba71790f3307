package io.edgeoff.device.detector;

import java.util.List;
import java.util.Map;

/**
 * What the detector observed so far.
 *
 * @param episodes          every suspicion period (open ones included, with {@code ended == false})
 * @param failuresPerSite   site id to the number of failures observed (suspicions plus failed task attempts)
 * @param falseSuspicions   number of suspicions counted as false
 */
public record DetectionStats(List<SuspicionEpisode> episodes, Map<String, Integer> failuresPerSite,
                             int falseSuspicions) {
    public DetectionStats {
        episodes = List.copyOf(episodes);
        failuresPerSite = Map.copyOf(failuresPerSite);
    }
}
