package io.tributary.orchestrator.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.compiler.CelCompiler;
import io.tributary.contract.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's parameters with their expressions compiled: a string value that is wholly {@code {{ expr }}} is replaced
 * by the value of the CEL expression (of any type), evaluated over the run's {@code params}, its triggering
 * {@code event} and the results of upstream {@code tasks} when the task is dispatched; every other value is taken as
 * written.
 */
public final class ParameterTemplate {
    private static final Pattern EXPRESSION = Pattern.compile("\\s*\\{\\{(.+)}}\\s*", Pattern.DOTALL);

    private final JsonNode template;
    /** By JSON pointer into the template. */
    private final Map<String, CompiledExpression> expressions;
    /** The template as JSON, written once: a task without expressions is dispatched with it for every run. */
    private final String written;

    private ParameterTemplate(JsonNode template, Map<String, CompiledExpression> expressions) {
        this.template = template;
        this.expressions = expressions;
        this.written = Json.write(template);
    }

    /** The parameters as written, JSON; what {@link #evaluate} gives when there are no expressions. */
    public String written() {
        return written;
    }

    /**
     * @param path how errors name the parameters, e.g. {@code tasks[0].parameters}
     * @param flowParameters the flow's parameters, name to JSON-schema type: what {@code params.<name>} can be
     * @throws TemplateException naming every expression that does not compile
     */
    public static ParameterTemplate compile(
            Map<String, Object> parameters, String path, Map<String, String> flowParameters) {
        return compile(parameters, path, flowParameters, Cel::value);
    }

    /**
     * A stored flow version's parameters: an expression saved before parameters were typed, which the typed
     * compiler would refuse, is compiled as it was then, so that the version runs as it did.
     */
    public static ParameterTemplate stored(
            Map<String, Object> parameters, String path, Map<String, String> flowParameters) {
        return compile(parameters, path, flowParameters, Cel::storedValue);
    }

    private static ParameterTemplate compile(
            Map<String, Object> parameters,
            String path,
            Map<String, String> flowParameters,
            BiFunction<CelCompiler, String, CompiledExpression> compile) {
        JsonNode template = Json.MAPPER.valueToTree(parameters == null ? Map.of() : parameters);
        Map<String, CompiledExpression> expressions = new LinkedHashMap<>();
        List<TemplateException.Error> errors = new ArrayList<>();
        CelCompiler compiler = Cel.values(flowParameters);
        collect(template, "", path, source -> compile.apply(compiler, source), expressions, errors);
        if (!errors.isEmpty()) {
            throw new TemplateException(errors);
        }
        return new ParameterTemplate(template, expressions);
    }

    private static void collect(
            JsonNode node,
            String pointer,
            String path,
            Function<String, CompiledExpression> compiler,
            Map<String, CompiledExpression> expressions,
            List<TemplateException.Error> errors) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String escaped = field.getKey().replace("~", "~0").replace("/", "~1");
                collect(
                        field.getValue(),
                        pointer + "/" + escaped,
                        path + "." + field.getKey(),
                        compiler,
                        expressions,
                        errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, path + "[" + i + "]", compiler, expressions, errors);
            }
        } else if (node.isTextual()) {
            Matcher matcher = EXPRESSION.matcher(node.asText());
            if (matcher.matches()) {
                try {
                    expressions.put(pointer, compiler.apply(matcher.group(1).trim()));
                } catch (ExpressionException e) {
                    errors.add(new TemplateException.Error(path, e.getMessage()));
                }
            }
        }
    }

    /** JSON pointers of the values that are expressions: known only when the task is dispatched. */
    public Set<String> computed() {
        return expressions.keySet();
    }

    /** Whether any value is an expression (a task without one is dispatched with its parameters as written). */
    public boolean hasExpressions() {
        return !expressions.isEmpty();
    }

    /**
     * The parameters with every expression replaced by its value.
     *
     * @param variables {@code params.<name>} ({@link CelValues#parameters}), {@code event}, {@code tasks} as
     *     {@link CelValues}
     * @throws ExpressionException naming the parameter whose expression failed
     */
    public JsonNode evaluate(Map<String, ?> variables) {
        JsonNode result = template.deepCopy();
        for (Map.Entry<String, CompiledExpression> entry : expressions.entrySet()) {
            try {
                replace(
                        result,
                        entry.getKey(),
                        CelValues.toJson(entry.getValue().evaluate(variables)));
            } catch (ExpressionException e) {
                throw new ExpressionException("parameter " + entry.getKey() + " " + e.getMessage());
            }
        }
        return result;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }
}
