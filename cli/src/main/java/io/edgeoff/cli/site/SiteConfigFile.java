package io.edgeoff.cli.site;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The {@code --config} file of {@code edgeoff site}: YAML with the same settings as the flags
 * (camelCase names, e.g. {@code timeCompression}); flags given on the command line win.
 */
public record SiteConfigFile(String scenario, String site, Integer port, String bind, String token, String dataDir,
                             Double mips, Integer cores, Integer queueCapacity, Double maxRequestKB,
                             Double maxMillionInstructions, Double maxOutKB, String failureTrace, String traceNode, Integer configuration,
                             Double timeCompression, String outageMode, String predictor, Long predictorSeed,
                             String historyTrace, String historyNode, Integer retrainEverySlots,
                             Double idleTimeoutSeconds, java.util.List<String> handlerPath, Double hostMips,
                             Double handlerTimeoutSeconds, Double handlerMemoryMB) {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /** No settings. */
    public static final SiteConfigFile EMPTY = new SiteConfigFile(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** Reads a config file; every problem names the file and the field. */
    public static SiteConfigFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        }
        try {
            SiteConfigFile config = YAML.readValue(file.toFile(), SiteConfigFile.class);
            return config == null ? EMPTY : config;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException(file + ": unknown field '" + e.getPropertyName() + "'; known fields: "
                    + known);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            throw new IllegalArgumentException(file + ": " + (path.isEmpty() ? "" : path + ": ")
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }
}
