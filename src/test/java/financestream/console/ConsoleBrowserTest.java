package financestream.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The console in a real headless Chromium (Debian's chromium and chromedriver, which .ci/run installs): a user
 * types a query and sees its rows; new bars land and the answer panel changes without a reload. In CI
 * ({@code CI=true}) a missing browser fails the test; elsewhere it is skipped with how to enable it.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path lake;
    @TempDir
    static Path profile;
    static ConsoleApp app;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "no " + CHROMIUM + " or " + CHROMEDRIVER;
            if ("true".equals(System.getenv("CI"))) {
                fail(missing + ": .ci/run installs them (apt-get install chromium chromium-driver)");
            }
            abort(missing + ": to run the browser test, apt-get install chromium chromium-driver");
        }
        ConsoleApp.referenceLake(lake);
        Properties settings = new Properties();
        // the answer panel's query is asked again every second
        settings.put("console.refresh-seconds", "1");
        app = ConsoleApp.serve(lake, settings);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void typeAQueryRunItAndSeeTheRows() {
        browser.get(app.url("/"));
        WebElement sql = browser.findElement(By.id("sql"));
        sql.clear();
        sql.sendKeys("SELECT name, count(*) AS bars FROM bars_once WHERE name IN ('DDOG', 'NFLX') GROUP BY name ORDER BY name");
        browser.findElement(By.id("run")).click();

        wait(Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("#result tr")).size() == 3);
        assertThat(browser.findElement(By.id("result")).getText()).contains("name bars", "DDOG 389", "NFLX 390");
        assertThat(browser.findElement(By.id("download")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("result-note")).getText()).isEqualTo("2 rows");
    }

    @Test
    void newBarsChangeTheAnswerPanelWithoutAReload() throws IOException {
        browser.get(app.url("/"));
        wait(Duration.ofSeconds(60)).until(d -> d.findElement(By.id("answer")).getText().contains("DDOG 10 96.87999725341797"));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        screenshot();

        // a collect lands a new object, as Firehose does: DDOG's 10:15 bar reached 150
        Path object = lake.resolve("finance-stream-lake/bars/2020/12/01/14/finance-stream-bars-1-2020-12-01-14-59-00-"
                + "0c0f0e0a-1b1b-4c4c-8d8d-9e9e9e9e9e9e");
        Path written = Files.writeString(profile.resolve("object"),
                "{\"high\": 150.0, \"low\": 95.0, \"ts\": \"2020-12-01 10:15:00-05:00\", \"name\": \"DDOG\"}\n");
        Files.move(written, object, StandardCopyOption.ATOMIC_MOVE);

        wait(Duration.ofSeconds(60)).until(d -> d.findElement(By.id("answer")).getText().contains("DDOG 10 150.0"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded")).isEqualTo(true);
    }

    /** target/console.png: what the README shows (docs/console.png). */
    private static void screenshot() throws IOException {
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target/console.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }
}
