package io.tributary.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

/** helm lint --strict: a warning fails too. */
class ChartLintTest {
    @Test
    void defaultValuesLintClean() {
        LintResult result = Chart.lint();
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }

    @Test
    void productionValuesLintClean() {
        LintResult result = Chart.lint(Chart.PRODUCTION);
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }
}
