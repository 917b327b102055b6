package io.tributary.http.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads samples out of a Prometheus text exposition ({@code GET /q/metrics}), so that tests assert the numbers an
 * operator's Prometheus would scrape rather than the beans behind them.
 */
public final class PrometheusText {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final String text;

    private PrometheusText(String text) {
        this.text = text;
    }

    public static PrometheusText of(String text) {
        return new PrometheusText(text);
    }

    /** What the service under test shows on its management port's {@code /q/metrics} now. */
    public static PrometheusText scrape() {
        return of(given().get(Management.url("/q/metrics"))
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** How much {@link #value} of {@code name} with {@code labels} grew since {@code before}. */
    public double increaseSince(PrometheusText before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }

    /**
     * The sum of the samples of {@code name} whose labels include all of {@code labels} (other labels may differ),
     * 0 when there is none: a counter not incremented yet is as good as zero to a test that compares before and
     * after.
     *
     * @param labels alternating label names and values
     */
    public double value(String name, String... labels) {
        return samples(name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Whether any sample of {@code name} carries all of {@code labels}. */
    public boolean has(String name, String... labels) {
        return !samples(name, labels).isEmpty();
    }

    /**
     * Fails unless a sample of {@code name} carries all of {@code labels}; the failure lists the names of the metrics
     * there are in its family (the name's first two words, such as {@code kafka_consumer}), so that a metric a
     * library renamed or registers later is told apart from one that is missing altogether.
     */
    public void assertHas(String name, String... labels) {
        String family = family(name);
        assertTrue(
                has(name, labels),
                () -> name + " " + List.of(labels) + " is not there; the " + family + "* metrics are: "
                        + text.lines()
                                .filter(line -> line.startsWith(family))
                                .map(line -> line.replaceAll("[{ ].*", ""))
                                .distinct()
                                .toList());
    }

    private static String family(String name) {
        int first = name.indexOf('_');
        int second = first < 0 ? -1 : name.indexOf('_', first + 1);
        return second < 0 ? name : name.substring(0, second + 1);
    }

    private List<Double> samples(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        List<Double> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#")
                    && sample.matches()
                    && sample.group(1).equals(name)
                    && has(sample.group(3), wanted)) {
                values.add(Double.parseDouble(sample.group(4)));
            }
        }
        return values;
    }

    private static boolean has(String labelText, Map<String, String> wanted) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (labelText != null) {
            Matcher label = LABEL.matcher(labelText);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    @Override
    public String toString() {
        return text;
    }
}
