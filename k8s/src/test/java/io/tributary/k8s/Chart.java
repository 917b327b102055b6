package io.tributary.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The chart in k8s/tributary, linted and rendered by the real Helm engine (helm-java: Helm's Go code through JNA). */
final class Chart {
    static final Path ROOT =
            Path.of(System.getProperty("tributary.root", "..")).toAbsolutePath().normalize();
    static final Path DIR = ROOT.resolve("k8s/tributary");
    static final Path PRODUCTION = ROOT.resolve("k8s/examples/values-production.yaml");
    static final String RELEASE = "trib";
    static final ObjectMapper YAML = new YAMLMapper();

    /** Renders are the slow part (about a second each): each values file is rendered once for all tests. */
    private static final Map<String, Rendered> RENDERS = new ConcurrentHashMap<>();

    private Chart() {}

    /** The manifests of the chart with its default values. */
    static Rendered defaults() {
        return RENDERS.computeIfAbsent("defaults", k -> new Rendered(template(Map.of())));
    }

    /** The manifests with the production example (TLS+SASL Kafka, native images, HPA, PDB, monitors, ingress). */
    static Rendered production() {
        return RENDERS.computeIfAbsent("production", k -> new Rendered(template(Map.of(), PRODUCTION)));
    }

    /** Both renders, for parameterized tests: (name, rendered). */
    static Stream<Arguments> renders() {
        return Stream.of(Arguments.of("defaults", defaults()), Arguments.of("production", production()));
    }

    /** Renders with values files layered on the defaults, then --set values; Helm's error when it refuses. */
    static List<JsonNode> template(Map<String, Object> sets, Path... valuesFiles) {
        TemplateCommand command = new Helm(DIR).template().withName(RELEASE).withNamespace("tributary");
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return parse(command.call());
    }

    /** helm lint --strict of the chart whose values.yaml is its defaults with the given file merged over them. */
    static LintResult lint(Path... valuesFiles) {
        Path copy = copyOfChart();
        try {
            JsonNode values = YAML.readTree(DIR.resolve("values.yaml").toFile());
            for (Path file : valuesFiles) {
                values = YAML.readerForUpdating(values).<JsonNode>readValue(file.toFile());
            }
            YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Helm(copy).lint().strict().call();
    }

    private static List<JsonNode> parse(String manifests) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            for (JsonNode document : YAML.readerFor(JsonNode.class)
                    .<JsonNode>readValues(manifests)
                    .readAll()) {
                if (document != null && document.isObject()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("helm template printed invalid YAML:\n" + manifests, e);
        }
    }

    private static Path copyOfChart() {
        try {
            Path copy = Files.createTempDirectory("tributary-chart");
            try (Stream<Path> files = Files.walk(DIR)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(DIR.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
