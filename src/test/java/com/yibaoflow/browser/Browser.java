package com.yibaoflow.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}) for a test class.
 * Without them the test is skipped (a JUnit assumption), so {@code ./mvnw verify} reports it as skipped.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path README_IMAGES = Path.of("docs", "images");

    final WebDriver driver;
    final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Starts Chromium, or skips the calling test when Chromium or its driver is not installed. */
    static Browser start(int port) {
        return start(port, "Asia/Shanghai");
    }

    /** Starts Chromium with its clock in {@code zone} (the TZ of its process). */
    static Browser start(int port, String zone) {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN")
                .addArguments("--window-size=1400,900");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // a county office's browsers run on China time; TasklistTimeZoneBrowserTests tries another zone
                .withEnvironment(java.util.Map.of("TZ", zone))
                .build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    /**
     * Logs in to our HTTP Basic pages: one navigation with the credentials in the URL (the session remembers the
     * login), then the page again without them, so that the page's own fetch calls work.
     */
    void openWithBasicLogin(String user, String password, String path) {
        driver.get(baseUrl.replace("http://", "http://" + user + ":" + password + "@") + path);
        driver.get(baseUrl + path);
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    /** Saves target/screenshots/{name}.png; with -Dscreenshots.update=true also docs/images/{readmeName}. */
    void screenshot(String name, String readmeName) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.copy(
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                file,
                StandardCopyOption.REPLACE_EXISTING);
        if (readmeName != null && Boolean.getBoolean("screenshots.update")) {
            Files.createDirectories(README_IMAGES);
            Files.copy(file, README_IMAGES.resolve(readmeName), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
