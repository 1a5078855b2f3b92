package dev.feedbackloop.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven through
 * {@code /usr/bin/chromedriver} (Selenium Manager never runs), with a fresh profile and a page exactly as wide as
 * asked; saves full-page screenshots under {@code target/screenshots/}. Not thread-safe.
 *
 * <p>Headless Chromium opens its window at least 500 px wide whatever {@code --window-size} says, and resizing the
 * window changes the layout; so the window is sized once after start and checked, and screenshots go through the
 * DevTools protocol, which captures beyond the viewport without resizing anything.
 */
final class Browser implements AutoCloseable {

    static final String DRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String PASSWORD = "browser-test-password";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int HEIGHT = 1000;
    private static final int TALLEST_SCREENSHOT = 8000;

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
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
                "--no-first-run", "--hide-scrollbars", "--lang=" + languages.split(",")[0],
                "--user-data-dir=" + profile.toAbsolutePath());
        var prefs = new HashMap<String, Object>();
        prefs.put("intl.accept_languages", languages);
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        var browser = new Browser(new ChromeDriver(service, options), "http://localhost:" + port, profile);
        browser.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.driver.manage().window().setSize(new Dimension(width, HEIGHT));
        long pageWidth = ((Number) browser.script("return window.innerWidth;")).longValue();
        if (pageWidth != width) {
            browser.close();
            throw new IllegalStateException("the page is " + pageWidth + " px wide, not " + width);
        }
        return browser;
    }

    ChromeDriver driver() {
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
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(loaded -> isGone(html));
    }

    /**
     * Whether an element of the page before a navigation is gone. Chromium's driver reports a node of the old
     * document as stale, or, when asked in the middle of the navigation, as a node that "does not belong to the
     * document": both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            String message = e.getMessage();
            if (message != null && message.contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
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

    /** Saves a screenshot of the whole page, at most 8000 px tall, as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
        double height = Math.min(TALLEST_SCREENSHOT, ((Number) content.get("height")).doubleValue());
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", content.get("width"), "height", height,
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
            return Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a profile left in the temporary directory is harmless
            }
        }
    }
}
