package io.tributary.orchestrator.flow.folder;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.OrchestratorConfig;
import io.tributary.orchestrator.flow.Flow;
import io.tributary.orchestrator.flow.FlowRepository;
import io.tributary.orchestrator.flow.FlowService;
import io.tributary.orchestrator.flow.FlowSpec;
import io.tributary.orchestrator.problem.InvalidRequestProblem;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/**
 * Flows as code: every file of the configured folder declares one flow, saved as a new version when its file
 * changes (a file takes over a flow of its name that was managed over HTTP), and deleted when its file is removed. An
 * invalid file is reported (log and {@code GET /flow-files}) and leaves its flow as it was. Every replica reads the
 * folder; saving the same definition again changes nothing, so they agree without coordination.
 */
@ApplicationScoped
public class FlowFolder {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final OrchestratorConfig config;
    private final FlowService service;
    private final FlowRepository flows;
    private final Validator validator;
    private final Vertx vertx;
    private final Map<String, FlowFile> files = new ConcurrentSkipListMap<>();
    /** The content last applied or refused, by file: an unchanged file is not read into a flow again. */
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    public FlowFolder(
            OrchestratorConfig config, FlowService service, FlowRepository flows, Validator validator, Vertx vertx) {
        this.config = config;
        this.service = service;
        this.flows = flows;
        this.validator = validator;
        this.vertx = vertx;
    }

    public Collection<FlowFile> files() {
        return files.values();
    }

    @Scheduled(
            every = "${tributary.orchestrator.flows.scan-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scan() {
        if (config.flows().directory().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Path directory = config.flows().directory().get();
        return read(directory.toString())
                .invoke(contents -> {
                    // A renamed file's old name must not count as declaring its flow when the new name is applied.
                    files.keySet().retainAll(contents.keySet());
                    seen.keySet().retainAll(contents.keySet());
                })
                .flatMap(contents -> Multi.createFrom()
                        .iterable(contents.entrySet())
                        .filter(file -> !file.getValue().equals(seen.get(file.getKey())))
                        .onItem()
                        .transformToUniAndConcatenate(file -> apply(file.getKey(), file.getValue()))
                        .collect()
                        .last()
                        .flatMap(ignored -> removeGone(contents.keySet())))
                .onFailure()
                .invoke(e ->
                        Log.warnf("The flows folder %s is applied at the next scan: %s", directory, e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * The flow files' contents by file name, read without blocking; hidden entries (a ConfigMap's {@code ..data}
     * links) are skipped. A missing folder has none.
     */
    private Uni<Map<String, String>> read(String directory) {
        return vertx.fileSystem()
                .exists(directory)
                .flatMap(exists -> exists
                        ? vertx.fileSystem().readDir(directory, "[^.].*\\.(ya?ml|json)")
                        : Uni.createFrom().item(List.<String>of()))
                .flatMap(paths -> Multi.createFrom()
                        .iterable(paths)
                        .onItem()
                        .transformToUniAndConcatenate(path -> vertx.fileSystem()
                                .readFile(path)
                                .map(content ->
                                        Map.entry(Path.of(path).getFileName().toString(), content.toString())))
                        .collect()
                        .asMap(Map.Entry::getKey, Map.Entry::getValue))
                .map(TreeMap::new);
    }

    private Uni<Void> apply(String file, String content) {
        FlowSpec spec;
        try {
            spec = YAML.readValue(content, FlowSpec.class);
        } catch (IOException e) {
            String where = e instanceof JsonMappingException mapping ? mapping.getPathReference() : "";
            return refused(file, content, null, List.of(new FieldError(where, e.getMessage())));
        }
        List<FieldError> invalid = validator.validate(spec).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!invalid.isEmpty()) {
            return refused(file, content, spec.name(), invalid);
        }
        String duplicate = files.values().stream()
                .filter(other -> !other.file().equals(file) && spec.name().equals(other.flow()))
                .map(FlowFile::file)
                .findFirst()
                .orElse(null);
        if (duplicate != null) {
            return refused(
                    file, content, spec.name(), List.of(new FieldError("name", "also declared by " + duplicate)));
        }
        return service.save(spec, FlowService.FILE + file, true)
                .invoke(saved -> {
                    seen.put(file, content);
                    files.put(file, new FlowFile(file, spec.name(), saved.flow().version, null, Instant.now()));
                    if (saved.changed()) {
                        Log.infof("Flow %s v%d saved from %s", spec.name(), saved.flow().version, file);
                    }
                })
                .replaceWithVoid()
                .onFailure(InvalidRequestProblem.class)
                .recoverWithUni(e -> refused(file, content, spec.name(), ((InvalidRequestProblem) e).errors()));
    }

    private Uni<Void> refused(String file, String content, String flow, List<FieldError> errors) {
        seen.put(file, content);
        files.put(file, new FlowFile(file, flow, null, errors, Instant.now()));
        Log.warnf("Flow file %s is not applied: %s", file, errors);
        return Uni.createFrom().voidItem();
    }

    /**
     * Deletes the flows of files that are gone, and the flow a file declared before it was renamed; a file that is
     * there but invalid keeps its flow.
     */
    private Uni<Void> removeGone(Set<String> present) {
        Map<String, String> declared = files.values().stream()
                .filter(f -> f.flow() != null)
                .collect(Collectors.toMap(f -> FlowService.FILE + f.file(), FlowFile::flow));
        return flows.fromFiles().flatMap(managed -> {
            List<Flow> gone = new ArrayList<>();
            for (Flow flow : managed) {
                String file = flow.origin.substring(FlowService.FILE.length());
                boolean fileGone = !present.contains(file);
                boolean renamed = declared.containsKey(flow.origin)
                        && !declared.get(flow.origin).equals(flow.name);
                if (fileGone || renamed) {
                    gone.add(flow);
                }
            }
            return Multi.createFrom()
                    .iterable(gone)
                    .onItem()
                    .transformToUniAndConcatenate(flow -> service.delete(flow.name, flow.origin)
                            .invoke(() -> Log.infof("Flow %s deleted: its file %s is gone", flow.name, flow.origin)))
                    .collect()
                    .last()
                    .replaceWithVoid();
        });
    }
}
