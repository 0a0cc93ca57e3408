package dev.kindling.samples.tictactoe;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Debian Chromium sessions for a test, one per simulated user: started on demand, closed
 * after each test, and on a failure first photographed: a screenshot and the page source of every
 * session go to {@code target/selenium/<class>/<method>/}.
 * <p>
 * The browser and its driver are given by path, so Selenium Manager (which would download a driver)
 * never runs. When they are missing the test fails, saying what to install: CI installs them, and
 * a browser test that silently skips proves nothing.
 */
final class BrowserSessions implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Duration PATIENCE = Duration.ofSeconds(15);

	private final Map<String, Session> sessions = new LinkedHashMap<>();

	@Override
	public void beforeEach(ExtensionContext context) {
		List<String> missing = new ArrayList<>();
		for (Path program : new Path[] { CHROMIUM, CHROMEDRIVER }) {
			if (!Files.isExecutable(program)) {
				missing.add(program.toString());
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The browser test needs Debian's Chromium and its driver; missing: " + missing
					+ ". Install them: sudo apt-get install chromium chromium-driver (or run scripts/ensure-test-tools.sh as root)");
		}
	}

	/**
	 * New browsers, each known by its name in the failure output, started side by side (a Chromium
	 * takes seconds to start).
	 */
	List<Browser> open(String... names) {
		List<CompletableFuture<Browser>> starting = new ArrayList<>();
		for (String name : names) {
			starting.add(CompletableFuture.supplyAsync(() -> open(name)));
		}
		return starting.stream().map(CompletableFuture::join).toList();
	}

	/** A new browser, known by a name in the failure output. */
	Browser open(String name) {
		Path profile;
		try {
			profile = Files.createTempDirectory("toetem-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1200,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		synchronized (this.sessions) {
			this.sessions.put(name, new Session(driver, profile));
		}
		return new Browser(driver, PATIENCE);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isEmpty() || this.sessions.isEmpty()) {
			return;
		}
		Path directory = Path.of("target", "selenium", context.getRequiredTestClass().getSimpleName(),
				context.getRequiredTestMethod().getName());
		try {
			Files.createDirectories(directory);
			for (Map.Entry<String, Session> entry : this.sessions.entrySet()) {
				WebDriver driver = entry.getValue().driver();
				File screenshot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
				Files.copy(screenshot.toPath(), directory.resolve(entry.getKey() + ".png"),
						StandardCopyOption.REPLACE_EXISTING);
				Files.writeString(directory.resolve(entry.getKey() + ".html"), driver.getPageSource(),
						StandardCharsets.UTF_8);
			}
			System.err.println("Browser screenshots and page sources: " + directory.toAbsolutePath());
		}
		catch (IOException | RuntimeException ex) {
			// The test's own failure is what matters; a broken dump is only reported.
			context.getExecutionException().get().addSuppressed(ex);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		for (Session session : this.sessions.values()) {
			session.driver().quit();
			FileSystemUtils.deleteRecursively(session.profile());
		}
		this.sessions.clear();
	}

	private record Session(WebDriver driver, Path profile) {
	}

}
