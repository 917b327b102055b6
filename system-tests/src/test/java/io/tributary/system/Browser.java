package io.tributary.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by Selenium, from the machine's packages ({@code chromium} and
 * {@code chromium-driver} on Debian; other paths by {@code TRIBUTARY_CHROMIUM} and {@code TRIBUTARY_CHROMEDRIVER}):
 * nothing is downloaded at run time. Where they are missing the browser tests are skipped with a note, unless
 * {@code TRIBUTARY_BROWSER_TESTS=required} (CI sets it, after installing them) makes that a failure.
 */
final class Browser {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() {
        Path chromium = Path.of(System.getenv().getOrDefault("TRIBUTARY_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getenv().getOrDefault("TRIBUTARY_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String missing = "Chromium and ChromeDriver are needed for the dashboard's browser tests, at " + chromium
                    + " and " + chromedriver + " (Debian: apt-get install chromium chromium-driver)";
            if ("required".equals(System.getenv("TRIBUTARY_BROWSER_TESTS"))) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            Path profile = Files.createTempDirectory("tributary-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            // Without the background-networking flags Chromium keeps calling Google's hosts, which a closed network
            // refuses; the profile is new and empty so that no earlier session's state leaks in.
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Lays pages out as a phone would (a narrow, tall viewport); 0 by 0 returns to the window's own size. Emulated
     * rather than by resizing the window, which headless Chromium can take a minute to confirm.
     */
    void viewport(int width, int height) {
        if (width == 0) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        }
    }

    /** Asks the pages for their dark or light look, as a system set to it would. */
    void colourScheme(String scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the browser showed when a test failed, and its address and console, in {@code target/screenshots}. */
    void failed(String test) {
        String name = "failed-" + test;
        screenshot(name);
        try {
            Files.writeString(
                    SCREENSHOTS.resolve(name + ".txt"),
                    driver.getCurrentUrl() + "\n"
                            + driver.manage().logs().get("browser").getAll());
        } catch (IOException | RuntimeException e) {
            // The screenshot is what matters; a driver without a console log still leaves it.
        }
    }

    void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary profile left behind is harmless.
        }
    }
}
