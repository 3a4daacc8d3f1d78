package cn.ecolaw.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by its own chromedriver through Selenium (no browser or driver download):
 * the one place where page tests get a browser. Fails, never skips, when chromium is missing
 * ({@code scripts/setup.sh} installs it). Screenshots go to {@code target/screenshots/<name>.png} to be looked at.
 *
 * <pre>
 * try (Browser browser = Browser.open(port)) {
 *   browser.login("officer1").go("/ui/workspace/");
 *   browser.waitFor(By.id("case-list"));
 *   browser.screenshot("workspace-list");
 * }
 * </pre>
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;
  private final String base;

  private Browser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A browser whose language is Chinese. */
  public static Browser open(int port) {
    return open(port, "zh-CN");
  }

  /** A browser that asks for pages in the given language (e.g. "en-US", to show the pages stay Chinese). */
  public static Browser open(int port, String language) {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new IllegalStateException("chromium/chromedriver missing: run bash scripts/setup.sh test");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--window-size=1440,1000", "--lang=" + language,
        "--user-data-dir=" + tempDir());
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1440, 1000));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Browser(driver, "http://localhost:" + port);
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("chromium-profile").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public String base() {
    return base;
  }

  /** Opens a path of the application ("/ui/workspace/"). */
  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  /** Logs in through the platform's login page (the webapps' session) and lands on {@code /ui/}. */
  public Browser login(String user) {
    go("/ui/login.html");
    waitFor(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(Logins.password(user));
    driver.findElement(By.id("login-submit")).click();
    waitUntil(d -> d.getCurrentUrl().contains("/ui/") && !d.getCurrentUrl().contains("login.html"));
    return this;
  }

  public WebElement waitFor(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the element's text contains the given text, and answers the element. */
  public WebElement waitForText(By by, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    return driver.findElement(by);
  }

  public <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public Object script(String javascript, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(javascript, args);
  }

  /** Saves a screenshot of the whole window as target/screenshots/{name}.png and answers its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
