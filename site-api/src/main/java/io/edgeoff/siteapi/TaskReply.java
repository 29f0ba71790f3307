package io.edgeoff.siteapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The 200 body of {@code POST /v1/tasks}: a site's answer to a task.
 *
 * @param idempotencyKey   echo of the request's key (the same rules as {@link TaskRequest#idempotencyKey()})
 * @param siteId           the site that executed the task, not blank
 * @param output           output bytes ({@code outputBase64} on the wire, standard base64)
 * @param queueWaitMillis  time the task waited in the site's queue, ms, finite and &gt;= 0
 * @param executionMillis  time the site's kernel ran, ms, finite and &gt;= 0
 * @param replayed         true when answered from the replay cache
 */
@JsonPropertyOrder({"idempotencyKey", "siteId", "outputBase64", "queueWaitMillis", "executionMillis", "replayed"})
public record TaskReply(
        @JsonProperty(value = "idempotencyKey", required = true) String idempotencyKey,
        @JsonProperty(value = "siteId", required = true) String siteId,
        @JsonProperty(value = "outputBase64", required = true) byte[] output,
        @JsonProperty(value = "queueWaitMillis", required = true) double queueWaitMillis,
        @JsonProperty(value = "executionMillis", required = true) double executionMillis,
        @JsonProperty(value = "replayed", required = true) boolean replayed) {
    public TaskReply {
        TaskRequest.checkIdempotencyKey(idempotencyKey, "idempotencyKey");
        Checks.notBlank(siteId, "siteId");
        if (output == null) {
            throw InvalidFieldException.missing("outputBase64");
        }
        Checks.finiteAtLeast(queueWaitMillis, 0, "queueWaitMillis");
        Checks.finiteAtLeast(executionMillis, 0, "executionMillis");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskReply t && t.idempotencyKey.equals(idempotencyKey) && t.siteId.equals(siteId)
                && Arrays.equals(t.output, output) && Double.compare(t.queueWaitMillis, queueWaitMillis) == 0
                && Double.compare(t.executionMillis, executionMillis) == 0 && t.replayed == replayed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(idempotencyKey, siteId, Arrays.hashCode(output), queueWaitMillis, executionMillis, replayed);
    }

    @Override
    public String toString() {
        return "TaskReply[idempotencyKey=" + idempotencyKey + ", siteId=" + siteId + ", output=" + output.length
                + " bytes, queueWaitMillis=" + queueWaitMillis + ", executionMillis=" + executionMillis
                + ", replayed=" + replayed + "]";
    }
}
