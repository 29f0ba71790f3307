package io.edgeoff.siteapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static <T> T read(String json, Class<T> type) throws Exception {
        return MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** The exception the record threw inside Jackson. */
    private static InvalidFieldException problem(String json, Class<?> type) {
        try {
            read(json, type);
        } catch (ValueInstantiationException e) {
            assertThat(e.getCause()).isInstanceOf(InvalidFieldException.class);
            return (InvalidFieldException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected the record to refuse " + json + ", but Jackson said: " + e, e);
        }
        throw new AssertionError("expected the record to refuse " + json);
    }

    @Test
    void aTaskRequestIsWrittenWithTheWireNamesInOrderAndReadBack() throws Exception {
        TaskRequest task = new TaskRequest("k-1", "T1", "DI", 12.5, 6, "hello".getBytes(StandardCharsets.UTF_8));

        String json = MAPPER.writeValueAsString(task);

        assertThat(json).isEqualTo("{\"idempotencyKey\":\"k-1\",\"taskName\":\"T1\",\"kind\":\"DI\","
                + "\"millionInstructions\":12.5,\"outKB\":6.0,\"inputBase64\":\"aGVsbG8=\"}");
        assertThat(read(json, TaskRequest.class)).isEqualTo(task);
    }

    @Test
    void aHandlerTaskCarriesItsHandlerAndParametersAndIsReadBack() throws Exception {
        TaskRequest task = new TaskRequest("k-2", "COMPUTE_MOVE", "CI", 0, 0, "x".getBytes(StandardCharsets.UTF_8),
                "chess", java.util.Map.of("depth", "4"));

        String json = MAPPER.writeValueAsString(task);

        assertThat(json).isEqualTo("{\"idempotencyKey\":\"k-2\",\"taskName\":\"COMPUTE_MOVE\",\"kind\":\"CI\","
                + "\"millionInstructions\":0.0,\"outKB\":0.0,\"inputBase64\":\"eA==\",\"handler\":\"chess\","
                + "\"parameters\":{\"depth\":\"4\"}}");
        assertThat(read(json, TaskRequest.class)).isEqualTo(task);
        assertThat(read(json.replace(",\"handler\":\"chess\"", ",\"handler\":null"), TaskRequest.class).handler()).isEmpty();
    }

    @Test
    void aHandlerAndItsParametersAreCheckedNamingTheField() {
        String valid = "{\"idempotencyKey\":\"k\",\"kind\":\"R\",\"millionInstructions\":1,\"outKB\":1,\"inputBase64\":\"\","
                + "\"handler\":\"chess\",\"parameters\":{\"depth\":\"3\"}}";

        assertThat(problem(valid.replace("\"chess\"", "\"Chess!\""), TaskRequest.class))
                .hasMessageContaining("handler must be 1 to 64 characters of a-z 0-9 . _ -").hasMessageContaining("'Chess!'")
                .extracting(InvalidFieldException::field).isEqualTo("handler");
        assertThat(problem(valid.replace("\"chess\"", "7"), TaskRequest.class))
                .hasMessage("handler must be a string, but was number");
        assertThat(problem(valid.replace("\"3\"", "3"), TaskRequest.class))
                .hasMessage("parameters.depth must be a string, but was number");
        assertThat(problem(valid.replace("{\"depth\":\"3\"}", "[]"), TaskRequest.class))
                .hasMessage("parameters must be an object, but was array");
        assertThat(problem(valid.replace("\"3\"", "\"" + "9".repeat(4097) + "\""), TaskRequest.class))
                .hasMessage("parameters.depth must have at most 4096 characters, but had 4097");
    }

    @Test
    void aTaskRequestIsReadStrictlyAndNamesTheField() {
        String valid = "{\"idempotencyKey\":\"k\",\"kind\":\"R\",\"millionInstructions\":1,\"outKB\":1,\"inputBase64\":\"\"}";

        assertThat(problem(valid.replace("\"millionInstructions\":1", "\"millionInstructions\":\"1\""), TaskRequest.class))
                .hasMessage("millionInstructions must be a number, but was string")
                .extracting(InvalidFieldException::code).isEqualTo("INVALID_FIELD");
        assertThat(problem(valid.replace("\"k\"", "7"), TaskRequest.class))
                .hasMessage("idempotencyKey must be a string, but was number");
        assertThat(problem(valid.replace("\"kind\":\"R\",", ""), TaskRequest.class))
                .hasMessage("missing required field 'kind'").extracting(InvalidFieldException::code)
                .isEqualTo("MISSING_FIELD");
        assertThat(problem(valid.replace("\"outKB\":1", "\"outKB\":-1"), TaskRequest.class))
                .hasMessage("outKB must be a finite number >= 0, but was -1.0");
        assertThat(problem(valid.replace("\"\"}", "\"***\"}"), TaskRequest.class).field()).isEqualTo("inputBase64");
        assertThat(problem(valid.replace("\"k\"", "\"a\\u0007b\""), TaskRequest.class))
                .hasMessage("idempotencyKey must not contain control characters, but had U+0007 at index 1");
        assertThat(problem(valid.replace("\"k\"", "\"a\\ud800\""), TaskRequest.class))
                .hasMessage("idempotencyKey must not contain unpaired UTF-16 surrogates, but had U+D800 at index 1");
        assertThat(problem(valid.replace("\"k\"", "\"" + "k".repeat(201) + "\""), TaskRequest.class))
                .hasMessage("idempotencyKey must have 1 to 200 characters, but had 201");
    }

    @Test
    void aTaskRequestKeepsTheLastOfARepeatedFieldAndIgnoresUnknownOnes() throws Exception {
        TaskRequest task = read("{\"idempotencyKey\":\"a\",\"kind\":\"R\",\"millionInstructions\":1,\"outKB\":1,"
                + "\"inputBase64\":\"QUJD\",\"idempotencyKey\":\"b\",\"extra\":[1,{\"x\":null}]}", TaskRequest.class);

        assertThat(task.idempotencyKey()).isEqualTo("b");
        assertThat(task.taskName()).isEmpty();
        assertThat(new String(task.input(), StandardCharsets.US_ASCII)).isEqualTo("ABC");
    }

    @Test
    void aReplyRoundTripsWithItsOutputInBase64() throws Exception {
        TaskReply reply = new TaskReply("k", "EC", new byte[] {1, 2, 3}, 0.25, 12.0, true);

        String json = MAPPER.writeValueAsString(reply);

        assertThat(json).isEqualTo("{\"idempotencyKey\":\"k\",\"siteId\":\"EC\",\"outputBase64\":\"AQID\","
                + "\"queueWaitMillis\":0.25,\"executionMillis\":12.0,\"replayed\":true}");
        assertThat(read(json, TaskReply.class)).isEqualTo(reply);
        assertThatThrownBy(() -> read(json.replace(",\"replayed\":true", ""), TaskReply.class))
                .hasMessageContaining("replayed");
    }

    @Test
    void infiniteHoursTravelAsNull() throws Exception {
        SiteAvailability never = new SiteAvailability("EC", "mean", 86_400, List.of(0.9, 1.0), Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Map.of("rmse", 0.1));

        String json = MAPPER.writeValueAsString(never);

        assertThat(json).isEqualTo("{\"siteId\":\"EC\",\"predictor\":\"mean\",\"slotSeconds\":86400.0,"
                + "\"forecast\":[0.9,1.0],\"mtbfHours\":null,\"hoursSinceLastFailure\":null,\"metrics\":{\"rmse\":0.1},"
                + "\"servedPredictors\":[\"mean\"]}");
        SiteAvailability back = read(json, SiteAvailability.class);
        assertThat(back).isEqualTo(never);
        assertThat(back.nextSlot()).isEqualTo(0.9);
        SiteAvailability failed = read(json.replace("\"mtbfHours\":null", "\"mtbfHours\":100")
                .replace("\"hoursSinceLastFailure\":null", "\"hoursSinceLastFailure\":2.5"), SiteAvailability.class);
        assertThat(failed.mtbfHours()).isEqualTo(100.0);
        assertThat(failed.hoursSinceLastFailure()).isEqualTo(2.5);
        assertThat(problem(json.replace("[0.9,1.0]", "[1.5]"), SiteAvailability.class))
                .hasMessage("forecast[0] must be in [0, 1], but was 1.5");
        assertThat(problem(json.replace("\"mtbfHours\":null", "\"mtbfHours\":0"), SiteAvailability.class).field())
                .isEqualTo("mtbfHours");
    }


    @Test
    void anAnswerWithoutServedPredictorsServesItsPredictor() throws Exception {
        SiteAvailability old = read("{\"siteId\":\"EC\",\"predictor\":\"weibull\",\"slotSeconds\":24.0,"
                + "\"forecast\":[0.9],\"mtbfHours\":null,\"hoursSinceLastFailure\":null,\"metrics\":{}}",
                SiteAvailability.class);

        assertThat(old.servedPredictors()).containsExactly("weibull");
    }

    @Test
    void outageBodiesAreReadAndWrittenAsTheSiteDid() throws Exception {
        assertThat(read("{\"mode\":\" Hang \",\"durationMillis\":1500}", OutageRequest.class))
                .isEqualTo(new OutageRequest("hang", 1500));
        assertThat(problem("{\"mode\":\"melt\",\"durationMillis\":1}", OutageRequest.class))
                .hasMessage("unknown outage mode 'melt'; known modes: [crash, refuse, hang, error]");
        assertThat(problem("{\"mode\":\"hang\",\"durationMillis\":0}", OutageRequest.class))
                .hasMessage("durationMillis must be in [1, 86400000], but was 0.0");
        assertThat(problem("{\"mode\":\"hang\",\"durationMillis\":\"5\"}", OutageRequest.class).code())
                .isEqualTo("INVALID_FIELD");
        assertThat(problem("{\"durationMillis\":5}", OutageRequest.class).code()).isEqualTo("MISSING_FIELD");

        assertThat(MAPPER.writeValueAsString(OutageStatus.none()))
                .isEqualTo("{\"active\":false,\"mode\":null,\"source\":null,\"startedAt\":null,\"endsAt\":null}");
        OutageStatus active = OutageStatus.of("error", "admin", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:05Z"));
        assertThat(read(MAPPER.writeValueAsString(active), OutageStatus.class)).isEqualTo(active);
    }

    @Test
    void constructorsNameTheFieldTheyRefuse() {
        assertThatThrownBy(() -> new SiteHealth("EC", "SLEEPY", false)).hasMessageContaining("status");
        assertThatThrownBy(() -> new SiteHealth("EC", "UP", false)).hasMessageContaining("ready");
        assertThatThrownBy(() -> new SiteResources("EC", 1000, 0, 1, 1, 0, 0)).hasMessageContaining("cores");
        assertThatThrownBy(() -> new SiteResources(" ", 1000, 1, 1, 1, 0, 0)).hasMessageContaining("siteId");
        assertThatThrownBy(() -> new SiteResources("EC", 1000, 1, 1, 1, -1, 0)).hasMessageContaining("queueLength");
        assertThatThrownBy(() -> new ApiError("bad code", "m")).hasMessageContaining("code");
        assertThatThrownBy(() -> new FailureEvent(1, "yesterday", "START", "")).hasMessageContaining("time");
        assertThatThrownBy(() -> new TaskReply("k", "EC", new byte[0], -1, 0, false))
                .hasMessageContaining("queueWaitMillis");
        assertThatThrownBy(() -> new OutageStatus(false, "hang", null, null, null)).hasMessageContaining("active");
        assertThatThrownBy(() -> new TaskRequest("k", "t", "R", Double.POSITIVE_INFINITY, 0, new byte[0]))
                .hasMessageContaining("millionInstructions");
    }
}
