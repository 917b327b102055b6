package io.tributary.orchestrator.expression;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CEL (the Common Expression Language of Kubernetes, Envoy and Google Cloud) for the flows' filters and parameter
 * expressions. Expressions are compiled and type-checked when a flow is saved, so an error is reported with its
 * position then, never at the first event. Variables are JSON-shaped maps ({@link CelValues}); as in the CEL spec,
 * JSON numbers are doubles, and comparisons across numeric types are allowed ({@code event.data.metrics.t > 80}).
 * A flow's parameters are typed: each is the variable {@code params.<name>} of its declared type, so a misspelt name
 * or an operation its type lacks ({@code params.window * 2} on a number: write {@code 2.0}) is refused when the flow
 * is saved rather than failing the task at dispatch.
 */
public final class Cel {
    /** Variables of a trigger filter. */
    private static final List<String> FILTER_VARIABLES = List.of("event");
    /** Variables of a task parameter besides the run's parameters: its triggering event and upstream results. */
    private static final List<String> PARAMETER_VARIABLES = List.of("event", "tasks");

    /** The prefix of the run's parameters' variables, {@code params.<name>}. */
    public static final String PARAMS = "params.";

    /** A name CEL can select; FlowSpec allows no other, this is for a version stored before it checked. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final CelType JSON_OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final CelOptions OPTIONS =
            CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
    private static final CelCompiler CONDITIONS = compiler(FILTER_VARIABLES, SimpleType.BOOL);
    private static final CelCompiler EVENT_VALUES = compiler(FILTER_VARIABLES, null);
    /**
     * Parameter values as flows were saved before parameters were typed: {@code params} a map of anything. Only for
     * loading a stored version whose expressions the typed compiler refuses, so that it still runs as it did.
     */
    private static final CelCompiler UNTYPED_VALUES = compiler(List.of("params", "event", "tasks"), null);

    private Cel() {}

    /** A filter: a boolean over {@code event}. */
    public static CompiledExpression condition(String source) {
        return compile(CONDITIONS, source);
    }

    /** A value computed from an event alone (a threshold's group key): any type, over {@code event}. */
    public static CompiledExpression ofEvent(String source) {
        return compile(EVENT_VALUES, source);
    }

    /**
     * The compiler of a flow's parameter values: any type, over {@code params.<name>}, {@code event} and
     * {@code tasks}.
     *
     * @param parameters the flow's parameters: name to JSON-schema type ({@code string}, {@code integer}, …)
     */
    public static CelCompiler values(Map<String, String> parameters) {
        var builder = builder(PARAMETER_VARIABLES);
        parameters.forEach((name, type) -> {
            if (IDENTIFIER.matcher(name).matches()) {
                builder.addVar(PARAMS + name, typeOf(type));
            }
        });
        return builder.build();
    }

    /** A parameter's value, compiled by {@link #values}. */
    public static CompiledExpression value(CelCompiler values, String source) {
        return compile(values, source);
    }

    /** A parameter's value of a stored flow version: typed if it compiles so, else as it was saved (untyped). */
    public static CompiledExpression storedValue(CelCompiler values, String source) {
        try {
            return compile(values, source);
        } catch (ExpressionException typed) {
            return compile(UNTYPED_VALUES, source);
        }
    }

    private static CelType typeOf(String jsonType) {
        switch (jsonType) {
            case "string":
                return SimpleType.STRING;
            case "number":
            case "integer":
                // As every JSON number here (CelValues): one numeric type, so that window * factor needs no cast.
                return SimpleType.DOUBLE;
            case "boolean":
                return SimpleType.BOOL;
            case "array":
                return ListType.create(SimpleType.DYN);
            default:
                return JSON_OBJECT;
        }
    }

    private static CompiledExpression compile(CelCompiler compiler, String source) {
        CelValidationResult result = compiler.compile(source);
        if (result.hasError()) {
            CelIssue first = result.getErrors().get(0);
            throw new ExpressionException(
                    source,
                    first.getSourceLocation().getLine(),
                    first.getSourceLocation().getColumn() + 1,
                    first.getMessage());
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new CompiledExpression(source, RUNTIME.createProgram(ast));
        } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
            throw new ExpressionException(source, 1, 1, e.getMessage());
        }
    }

    private static CelCompiler compiler(List<String> variables, CelType result) {
        var builder = builder(variables);
        if (result != null) {
            builder.setResultType(result);
        }
        return builder.build();
    }

    private static CelCompilerBuilder builder(List<String> variables) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS);
        variables.forEach(name -> builder.addVar(name, JSON_OBJECT));
        return builder;
    }
}
