package com.spatialintel.video.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (no driver or browser is
 * downloaded: this machine reaches no such server). Flags as the project's brief gives them.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final String BROWSER = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

	private static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER_PATH", "/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path profile;

	public HeadlessChromium() throws Exception {
		UnitLayer.refuse("Chromium");
		this.profile = Files.createTempDirectory("siv-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(BROWSER)
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--no-first-run", "--disable-sync",
					"--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
	}

	public void open(String url) {
		driver.get(url);
	}

	/**
	 * Runs a script that ends by calling its last argument, {@code arguments[arguments.length - 1]},
	 * with the result (numbers, strings, plain objects).
	 */
	public Object runAsync(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
	}

	/** Runs a script in the page and returns what it returns. */
	public Object run(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	/** Gives a file input (found by CSS) a file from disk, as choosing it in the dialog does. */
	public void attach(String cssSelector, Path file) {
		driver.findElement(By.cssSelector(cssSelector)).sendKeys(file.toAbsolutePath().toString());
	}

	/** Saves what the page shows as a PNG. */
	public void screenshot(Path png) throws IOException {
		Files.createDirectories(png.getParent());
		Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	/** Clicks the button whose text is exactly this. */
	public void clickButton(String text) {
		driver.findElement(By.xpath("//button[normalize-space()='" + text + "']")).click();
	}

	@Override
	public void close() throws Exception {
		try {
			driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

}
