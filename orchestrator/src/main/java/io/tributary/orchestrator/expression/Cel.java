package io.tributary.orchestrator.expression;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;

/**
 * CEL (the Common Expression Language of Kubernetes, Envoy and Google Cloud) for the flows' filters and parameter
 * expressions. Expressions are compiled and type-checked when a flow is saved, so an error is reported with its
 * position then, never at the first event. Variables are JSON-shaped maps ({@link CelValues}); as in the CEL spec,
 * JSON numbers are doubles, and comparisons across numeric types are allowed ({@code event.data.metrics.t > 80}).
 */
public final class Cel {
    /** Variables of a trigger filter. */
    public static final List<String> FILTER_VARIABLES = List.of("event");
    /** Variables of a task parameter: the run's parameters, its triggering event and upstream results by task. */
    public static final List<String> PARAMETER_VARIABLES = List.of("params", "event", "tasks");

    private static final CelType JSON_OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final CelOptions OPTIONS =
            CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
    private static final CelCompiler CONDITIONS = compiler(FILTER_VARIABLES, SimpleType.BOOL);
    private static final CelCompiler VALUES = compiler(PARAMETER_VARIABLES, null);
    private static final CelCompiler EVENT_VALUES = compiler(FILTER_VARIABLES, null);

    private Cel() {}

    /** A filter: a boolean over {@code event}. */
    public static CompiledExpression condition(String source) {
        return compile(CONDITIONS, source);
    }

    /** A value computed from an event alone (a threshold's group key): any type, over {@code event}. */
    public static CompiledExpression ofEvent(String source) {
        return compile(EVENT_VALUES, source);
    }

    /** A parameter's value: any type, over {@code params}, {@code event} and {@code tasks}. */
    public static CompiledExpression value(String source) {
        return compile(VALUES, source);
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
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS);
        variables.forEach(name -> builder.addVar(name, JSON_OBJECT));
        if (result != null) {
            builder.setResultType(result);
        }
        return builder.build();
    }
}
