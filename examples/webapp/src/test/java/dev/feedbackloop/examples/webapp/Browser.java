package dev.feedbackloop.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven through
 * {@code /usr/bin/chromedriver} (Selenium Manager never runs), with a fresh profile; saves full-page screenshots
 * under {@code target/screenshots/}. Not thread-safe.
 */
final class Browser implements AutoCloseable {

    static final String DRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String PASSWORD = "browser-test-password";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String base;
    private final Path profile;
    private final int width;

    private Browser(WebDriver driver, String base, Path profile, int width) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        this.width = width;
    }

    /**
     * Starts a browser against the application.
     *
     * @param port the application's port
     * @param javascript whether pages may run scripts
     * @param width the window's width in CSS pixels
     * @return the browser
     */
    static Browser start(int port, boolean javascript, int width) {
        return start(port, javascript, width, "en-GB,en");
    }

    /**
     * Starts a browser against the application that prefers some languages.
     *
     * @param port the application's port
     * @param javascript whether pages may run scripts
     * @param width the window's width in CSS pixels
     * @param languages the {@code Accept-Language} preferences, such as {@code de-CH,de}
     * @return the browser
     */
    static Browser start(int port, boolean javascript, int width, String languages) {
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("feedbackloop-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--lang=" + languages.split(",")[0], "--window-size=" + width + ",1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        var prefs = new java.util.HashMap<String, Object>();
        prefs.put("intl.accept_languages", languages);
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port, profile, width);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application, such as {@code /inbox}. */
    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Logs in as a demo agent, and ends on the inbox. */
    Browser login(String agent) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(agent);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.id("inbox"));
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks and waits for the page that the click loads. */
    void submit(String css) {
        WebElement html = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(html));
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitUntilHidden(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    String text(String css) {
        return find(css).getText();
    }

    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Asserts that nothing on the page is wider than the window: no horizontal scrolling, nothing cut off. */
    void assertNoHorizontalOverflow() {
        Number scrollWidth = (Number) script("return document.documentElement.scrollWidth;");
        Number innerWidth = (Number) script("return window.innerWidth;");
        assertThat(scrollWidth.longValue()).as("page width at %s px: %s", innerWidth, driver.getCurrentUrl())
                .isLessThanOrEqualTo(innerWidth.longValue());
    }

    /** Saves a screenshot of the whole page as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, "
                + "document.body ? document.body.scrollHeight : 0);");
        int chrome = before.getHeight() - ((Number) script("return window.innerHeight;")).intValue();
        driver.manage().window().setSize(new Dimension(width, Math.min(8000, height.intValue() + chrome)));
        try {
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a profile left in the temporary directory is harmless
            }
        }
    }
}
