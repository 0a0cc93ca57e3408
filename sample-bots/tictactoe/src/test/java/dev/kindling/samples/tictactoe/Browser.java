package dev.kindling.samples.tictactoe;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One user's view of the Toetem page, in the page's own terms (its ids and data attributes). */
final class Browser {

	private final WebDriver driver;

	private final WebDriverWait wait;

	Browser(WebDriver driver, Duration patience) {
		this.driver = driver;
		// Polled often: a move shows within milliseconds, and the default 500 ms adds up over a game.
		this.wait = new WebDriverWait(driver, patience, Duration.ofMillis(50));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	Browser open(String url) {
		this.driver.get(url);
		this.wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "ready"));
		return this;
	}

	/** Logs in with a demo account the page offers, and waits until the lobby shows. */
	Browser loginAs(String jid) {
		new Select(this.driver.findElement(By.id("account"))).selectByValue(jid);
		click(By.id("login"));
		this.wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "online"));
		this.wait.until(ExpectedConditions.textToBe(By.id("me"), jid));
		return this;
	}

	/** Clicks once the element is there and enabled; lists re-render, so a stale element is looked up again. */
	void click(By by) {
		this.wait.until((driver) -> {
			WebElement element = driver.findElement(by);
			if (!element.isDisplayed() || !element.isEnabled()) {
				return false;
			}
			element.click();
			return true;
		});
	}

	void play(int cell) {
		click(cell(cell));
	}

	/** Waits until a cell shows a mark: for the mover the answer, for everyone else the live event. */
	void awaitMark(int cell, String mark) {
		this.wait.until(ExpectedConditions.textToBe(cell(cell), mark));
	}

	void awaitText(By by, String text) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	String awaitAttribute(By by, String attribute) {
		return this.wait.until((driver) -> {
			String value = driver.findElement(by).getAttribute(attribute);
			return (value == null || value.isEmpty()) ? null : value;
		});
	}

	void awaitAttribute(By by, String attribute, String value) {
		this.wait.until(ExpectedConditions.attributeToBe(by, attribute, value));
	}

	String text(By by) {
		return this.driver.findElement(by).getText();
	}

	boolean enabled(By by) {
		return this.driver.findElement(by).isEnabled();
	}

	static By cell(int cell) {
		return By.cssSelector("#board [data-cell='" + cell + "']");
	}

}
