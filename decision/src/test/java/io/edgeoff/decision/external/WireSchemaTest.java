package io.edgeoff.decision.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docs/policy-plugin-schema.json}, the published contract, names exactly the fields of the wire records
 * ({@link ExternalWire}); every request field is required, and the schema ids are the code's.
 */
class WireSchemaTest {

    private static JsonNode schema() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("docs/policy-plugin-schema.json"))) {
            p = p.getParent();
        }
        assertThat(p).as("docs/policy-plugin-schema.json above the working directory").isNotNull();
        return new ObjectMapper().readTree(p.resolve("docs/policy-plugin-schema.json").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Request", "App", "Task", "SiteState", "Outlook", "Link", "Cost", "Device", "Answer"})
    void theSchemaNamesExactlyTheRecordsFields(String name) throws Exception {
        Class<?> record = Class.forName(ExternalWire.class.getName() + "$" + name);
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();

        JsonNode def = schema().get("$defs").get(name);

        List<String> properties = new ArrayList<>();
        def.get("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).containsExactlyInAnyOrderElementsOf(components);
        if (!name.equals("Answer")) {
            List<String> required = new ArrayList<>();
            def.get("required").forEach(n -> required.add(n.asText()));
            assertThat(required).containsExactlyInAnyOrderElementsOf(components);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Request", "Answer"})
    void theSchemaIdsAreTheCodes(String name) throws IOException {
        String id = schema().get("$defs").get(name).get("properties").get("schema").get("const").asText();

        assertThat(id).isEqualTo(name.equals("Request") ? ExternalWire.REQUEST_SCHEMA : ExternalWire.ANSWER_SCHEMA);
    }
}
