package io.tributary.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.contract.Topics;
import io.tributary.devstack.infra.MqttPublisher;
import io.tributary.devstack.infra.StackLogging;
import io.tributary.devstack.infra.TemporaryDirectory;
import io.tributary.devstack.stack.ApiKeys;
import io.tributary.devstack.stack.Stack;
import io.tributary.devstack.stack.StackPorts;
import io.tributary.devstack.testing.Resources;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web dashboard in a real headless Chromium, on the stack the run command starts (real Kafka, MQTT broker and
 * PostgreSQL, the five services as separate JVMs, authentication on): a reading published over MQTT becomes a run
 * that turns Completed on the runs page without a reload, the series chart gains a point and a result, a run
 * started from the flow's page completes, and a bad payload shows among the dead letters with its reason. The
 * screenshots of the README are taken here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String FLOW = "dashboard-stats";
    private static final String MANUAL_FLOW = "dashboard-resample";
    private static final String DEVICE = "dash-dev-1";
    private static final String SERIES = "/iot/devices|" + DEVICE;

    private static TemporaryDirectory dataDir;
    private static Stack stack;
    private static KafkaCompanion kafka;
    private static MqttPublisher devices;
    private static Browser browser;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.failed(context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void startPlatformAndBrowser() {
        browser = Browser.start();
        StackLogging.configure();
        dataDir = new TemporaryDirectory("tributary-dashboard");
        stack = Stack.start(
                Path.of(System.getProperty("tributary.root", "..")),
                dataDir.path(),
                StackPorts.free(),
                false,
                Map.of());
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader(ApiKeys.HEADER, stack.apiKey())
                .build();
        kafka = new KafkaCompanion(stack.kafkaBootstrapServers());
        devices = new MqttPublisher("127.0.0.1", stack.mqttPort(), "dashboard-test-devices");
        registerFlows();
        try (ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topics.EVENTS)) {
            MqttProbe.awaitSubscription(devices, events, WAIT);
        }
        signIn();
    }

    @AfterAll
    static void stopPlatformAndBrowser() {
        RestAssured.reset();
        if (browser != null) {
            browser.close();
        }
        Resources.closeAll(devices, kafka, stack, dataDir);
    }

    @Test
    @Order(1)
    void aReadingOverMqttShowsAsARunThatTurnsCompletedWithoutAReload() {
        open("/ui/runs");
        awaitLive(1);
        driver().executeScript("window.notReloaded = true");

        devices.publish("tributary/" + DEVICE + "/telemetry", "{\"temperature\": 21.5}");

        waitFor(d -> rows("#runs tbody tr").stream()
                .anyMatch(row -> row.getText().contains(SERIES) && row.getText().contains("Completed")));
        assertEquals(true, driver().executeScript("return window.notReloaded === true"), "the page was reloaded");
    }

    @Test
    @Order(2)
    void theSeriesChartGainsAPointAndAResult() {
        open("/ui/series?series=" + encode(SERIES) + "&metric=temperature");
        WebElement chart = driver().findElement(By.id("chart"));
        awaitLive(1);
        waitFor(d -> number(chart, "data-points") >= 1 && number(chart, "data-results") >= 1);
        int points = number(chart, "data-points");
        int results = number(chart, "data-results");
        driver().executeScript("window.notReloaded = true");

        devices.publish("tributary/" + DEVICE + "/telemetry", "{\"temperature\": 23.5}");

        waitFor(d -> number(chart, "data-points") > points && number(chart, "data-results") > results);
        waitFor(d -> d.findElement(By.id("caption")).getText().contains("mean"));
        assertEquals(true, driver().executeScript("return window.notReloaded === true"), "the page was reloaded");
        assertTrue(driver().findElements(By.cssSelector("#chart canvas")).size() > 0, "no chart drawn");
    }

    @Test
    @Order(3)
    void aRunStartedFromTheFlowsPageCompletesAndABadParameterIsShownBesideItsField() {
        open("/ui/flows/" + MANUAL_FLOW);
        WebElement step = waitFor(d -> d.findElement(By.id("param-step")));
        step.sendKeys("soon");
        driver().findElement(By.id("run-now-submit")).click();
        WebElement error = driver().findElement(By.cssSelector("[data-error-for='parameters.step']"));
        waitFor(d -> !error.getText().isBlank());

        step.clear();
        step.sendKeys("5");
        driver().findElement(By.id("run-now-submit")).click();
        waitFor(d -> d.findElement(By.id("started-run"))).click();

        waitFor(d -> d.findElement(By.id("run-state")).getText().equals("Completed"));
        assertTrue(
                driver().findElement(By.id("run-flow")).getText().contains("started by manual"),
                driver().findElement(By.id("run-flow")).getText());
        waitFor(d ->
                !d.findElements(By.cssSelector("#timeline .segment.COMPLETED")).isEmpty());
    }

    @Test
    @Order(4)
    void aBadPayloadShowsAmongTheDeadLettersWithItsReason() {
        open("/ui/events");
        awaitLive(2);

        devices.publish("tributary/dash-bad/telemetry", "{\"temperature\": 21.4, \"ts\": ");

        WebElement letter = waitFor(d -> rows("#dead-letters tbody tr").stream()
                .filter(row -> row.getText().contains("tributary/dash-bad/telemetry"))
                .findFirst()
                .orElse(null));
        assertEquals("MALFORMED_PAYLOAD", letter.getAttribute("data-reason"), letter.getText());
        assertTrue(letter.getText().contains("{\"temperature\": 21.4, \"ts\": "), letter.getText());
    }

    @Test
    @Order(5)
    void theOverviewAndARunPageReadOnAPhoneAndInTheDark() {
        open("/");
        waitFor(d -> Integer.parseInt(d.findElement(By.cssSelector("[data-state='COMPLETED'] b"))
                        .getText())
                >= 2);
        WebElement events = driver().findElement(By.id("chart-events"));
        waitFor(d -> number(events, "data-points") > 0);
        browser.screenshot("overview");
        String run = given().queryParam("state", "COMPLETED")
                .queryParam("triggerKind", "event")
                .get(stack.orchestratorUrl() + "/runs")
                .then()
                .extract()
                .path("items[0].id");
        open("/ui/runs/" + run);
        waitFor(d -> d.findElement(By.id("run-state")).getText().equals("Completed"));
        browser.screenshot("run");

        browser.viewport(390, 844);
        try {
            for (String page : List.of("/", "/ui/runs", "/ui/events", "/ui/runs/" + run)) {
                open(page);
                waitFor(d -> !d.findElements(By.cssSelector("main h1")).isEmpty());
                Object overflow = driver().executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertEquals(0L, overflow, page + " is wider than a phone's screen");
            }
            browser.screenshot("run-phone");
        } finally {
            browser.viewport(0, 0);
        }

        browser.colourScheme("dark");
        open("/");
        waitFor(d -> number(d.findElement(By.id("chart-events")), "data-points") > 0);
        Object background = driver().executeScript("return getComputedStyle(document.body).backgroundColor");
        assertEquals("rgb(18, 22, 29)", background, "the dark look's background");
        browser.screenshot("overview-dark");
        browser.colourScheme("light");
    }

    private static void registerFlows() {
        StatsFlows.register(stack.orchestratorUrl(), """
                {"name": "%s",
                 "description": "Window statistics of the dashboard test's devices, and whether they ran hot",
                 "parameters": {"window": {"type": "integer", "default": 30, "description": "Window in seconds"}},
                 "triggers": [{"kind": "event", "type": "io.tributary.measurement.v1", "source": "/iot/*",
                               "subject": "dash-dev-*"}],
                 "tasks": [
                   {"name": "stats", "type": "window-stats",
                    "parameters": {"metric": "temperature", "windowSeconds": "{{ params.window }}"}},
                   {"name": "hot", "type": "threshold", "dependsOn": ["stats"],
                    "parameters": {"metric": "temperature", "windowSeconds": "{{ params.window }}", "above": 30}}]}
                """.formatted(FLOW));
        // Started by hand only: a resampling of whatever the window holds, which may be nothing.
        StatsFlows.register(stack.orchestratorUrl(), """
                {"name": "%s",
                 "parameters": {"step": {"type": "integer", "default": 10, "description": "Bucket width in seconds"}},
                 "tasks": [{"name": "buckets", "type": "resample",
                            "parameters": {"metric": "temperature", "windowSeconds": 60,
                                           "stepSeconds": "{{ params.step }}"}}]}
                """.formatted(MANUAL_FLOW));
    }

    /** Signs in as a user would: the page asks for the key, and the browser keeps the session's cookie. */
    private static void signIn() {
        driver().get(stack.orchestratorUrl() + "/ui/runs");
        waitFor(d -> d.getCurrentUrl().contains("/ui/login"));
        driver().findElement(By.id("key")).sendKeys(stack.apiKey());
        driver().findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/ui/runs"));
    }

    /** Waits until the page's live streams are subscribed (see the dashboard's {@code follow}). */
    private static void awaitLive(int streams) {
        waitFor(d -> {
            String live = d.findElement(By.tagName("body")).getAttribute("data-live");
            return live != null && Integer.parseInt(live) >= streams;
        });
    }

    private static ChromeDriver driver() {
        return browser.driver();
    }

    private static void open(String path) {
        driver().get(stack.orchestratorUrl() + path);
    }

    private static List<WebElement> rows(String selector) {
        return driver().findElements(By.cssSelector(selector));
    }

    private static int number(WebElement element, String attribute) {
        String value = element.getAttribute(attribute);
        return value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), WAIT)
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }
}
