package io.edgeoff.siteapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi-site.json} describes exactly the records: every schema of the document is the
 * shape of one record (the same property names, the same required ones, the same JSON types), every
 * record is a schema, and every request and answer body of every endpoint refers to one of them.
 */
class OpenApiContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Schema name in the OpenAPI document to the record that is that body. */
    static final Map<String, Class<? extends Record>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("Error", ApiError.class);
        SCHEMAS.put("TaskRequest", TaskRequest.class);
        SCHEMAS.put("TaskResponse", TaskReply.class);
        SCHEMAS.put("Health", SiteHealth.class);
        SCHEMAS.put("Resources", SiteResources.class);
        SCHEMAS.put("Availability", SiteAvailability.class);
        SCHEMAS.put("OutageRequest", OutageRequest.class);
        SCHEMAS.put("Outage", OutageStatus.class);
        SCHEMAS.put("FailureEvents", FailureEvents.class);
        SCHEMAS.put("FailureEvent", FailureEvent.class);
    }

    /** Every record of the contract module (a new record must be added here and to the document). */
    private static final List<Class<? extends Record>> RECORDS = List.of(ApiError.class, TaskRequest.class,
            TaskReply.class, SiteHealth.class, SiteResources.class, SiteAvailability.class, OutageRequest.class,
            OutageStatus.class, FailureEvents.class, FailureEvent.class);

    @Test
    void everySchemaHasExactlyTheRecordsPropertiesRequiredFieldsAndTypes() throws IOException {
        JsonNode schemas = document().path("components").path("schemas");
        Set<String> names = new TreeSet<>();
        schemas.fieldNames().forEachRemaining(names::add);

        assertThat(names).as("the document's schemas").isEqualTo(new TreeSet<>(SCHEMAS.keySet()));
        assertThat(Set.copyOf(SCHEMAS.values())).as("every record is described").isEqualTo(Set.copyOf(RECORDS));
        for (Map.Entry<String, Class<? extends Record>> e : SCHEMAS.entrySet()) {
            JsonNode schema = schemas.get(e.getKey());
            Map<String, String> documented = new TreeMap<>();
            schema.path("properties").fields().forEachRemaining(p -> documented.put(p.getKey(),
                    p.getValue().has("$ref") ? "object" : p.getValue().path("type").asText()));
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));

            assertThat(documented).as("properties and types of %s (%s)", e.getKey(), e.getValue().getSimpleName())
                    .isEqualTo(recordProperties(e.getValue()));
            assertThat(required).as("required properties of %s (%s)", e.getKey(), e.getValue().getSimpleName())
                    .isEqualTo(requiredProperties(e.getValue()));
        }
    }

    @Test
    void everyEndpointsBodiesAreSchemasOfRecords() throws IOException {
        JsonNode paths = document().path("paths");
        Set<String> referenced = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode op = operation.getValue();
            List<JsonNode> bodies = new java.util.ArrayList<>();
            op.path("requestBody").path("content").forEach(bodies::add);
            op.path("responses").forEach(r -> r.path("content").forEach(bodies::add));
            for (JsonNode body : bodies) {
                JsonNode schema = body.path("schema");
                if (schema.has("$ref")) {
                    String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
                    assertThat(SCHEMAS).as("%s %s refers to %s", operation.getKey(), path.getKey(), name).containsKey(name);
                    referenced.add(name);
                } else {
                    // Only the two non-JSON documents (metrics text, the OpenAPI document itself) have no record.
                    assertThat(path.getKey()).as("a body without a record").isIn("/v1/metrics", "/v1/openapi.json");
                }
            }
        }));

        Set<String> nested = Set.of("FailureEvent");
        Set<String> expected = new TreeSet<>(SCHEMAS.keySet());
        expected.removeAll(nested);
        assertThat(referenced).as("schemas used as a body").isEqualTo(expected);
    }

    /** The JSON properties Jackson writes for {@code type}, each with its JSON type. */
    static Map<String, String> recordProperties(Class<?> type) {
        Map<String, String> properties = new TreeMap<>();
        for (BeanPropertyDefinition p : properties(type)) {
            properties.put(p.getName(), jsonType(p.getAccessor().getRawType()));
        }
        return properties;
    }

    static Set<String> requiredProperties(Class<?> type) {
        Set<String> required = new TreeSet<>();
        for (BeanPropertyDefinition p : properties(type)) {
            if (p.isRequired()) {
                required.add(p.getName());
            }
        }
        return required;
    }

    private static List<BeanPropertyDefinition> properties(Class<?> type) {
        JavaType javaType = MAPPER.constructType(type);
        return MAPPER.getSerializationConfig().introspect(javaType).findProperties();
    }

    private static String jsonType(Class<?> raw) {
        if (raw == String.class || raw == byte[].class) {
            return "string";
        }
        if (raw == double.class || raw == Double.class || raw == float.class) {
            return "number";
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            return "integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "object";
        }
        return "object";
    }

    private static JsonNode document() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/openapi-site.json"))) {
            p = p.getParent();
        }
        assertThat(p).as("docs/openapi-site.json above " + Path.of("").toAbsolutePath()).isNotNull();
        return MAPPER.readTree(p.resolve("docs/openapi-site.json").toFile());
    }
}
