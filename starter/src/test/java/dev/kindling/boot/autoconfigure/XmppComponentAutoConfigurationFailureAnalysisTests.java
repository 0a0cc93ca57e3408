package dev.kindling.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.kindling.handler.Match;
import dev.kindling.handler.OnMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a bot author sees when the configuration is wrong: Spring Boot's failure analysis of the
 * startup failure, which must name the property to fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class XmppComponentAutoConfigurationFailureAnalysisTests {

	@Test
	void aMissingDomainIsReportedByName(CapturedOutput output) {
		startFailing("--xmpp.component.secret=s3cret");

		assertThat(failureReport(output)).contains("xmpp.component.domain");
	}

	@Test
	void aBlankSecretIsReportedByName(CapturedOutput output) {
		startFailing("--xmpp.component.domain=bot.example.com", "--xmpp.component.secret= ");

		assertThat(failureReport(output)).contains("xmpp.component.secret");
	}

	@Test
	void aPortOutOfRangeIsReportedByName(CapturedOutput output) {
		startFailing("--xmpp.component.domain=bot.example.com", "--xmpp.component.secret=s3cret",
				"--xmpp.component.port=70000");

		assertThat(failureReport(output)).contains("xmpp.component.port").contains("70000");
	}

	@Test
	void aMaximumBackoffBelowTheMinimumIsReportedByName(CapturedOutput output) {
		startFailing("--xmpp.component.domain=bot.example.com", "--xmpp.component.secret=s3cret",
				"--xmpp.component.backoff.min-delay=10s", "--xmpp.component.backoff.max-delay=5s");

		assertThat(failureReport(output)).contains("xmpp.component.backoff.max-delay");
	}

	@Test
	void zeroDispatchThreadsAreReportedByName(CapturedOutput output) {
		startFailing("--xmpp.component.domain=bot.example.com", "--xmpp.component.secret=s3cret",
				"--xmpp.dispatch.threads=0");

		assertThat(failureReport(output)).contains("xmpp.dispatch.threads");
	}

	@Test
	void aHandlerMistakeIsReportedWithTheMethodAndNoStackTrace(CapturedOutput output) {
		startFailing(BadPattern.class, "--xmpp.component.domain=bot.example.com", "--xmpp.component.secret=s3cret");

		String report = failureReport(output);
		assertThat(report).contains("BadPatternHandlers.roll(int) has an invalid body pattern '!roll (?<n>\\d+'")
			.contains("docs/handlers.md")
			.doesNotContain("\tat ");
	}

	@Test
	void aCommandPrefixWithASpaceIsReportedByName(CapturedOutput output) {
		startFailing("--xmpp.component.domain=bot.example.com", "--xmpp.component.secret=s3cret",
				"--xmpp.commands.prefix=! ");

		assertThat(failureReport(output)).contains("xmpp.commands.prefix");
	}

	private static void startFailing(String... args) {
		startFailing(Bot.class, args);
	}

	private static void startFailing(Class<?> source, String... args) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(source).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "xmpp.component.host=127.0.0.1",
					"xmpp.component.port=" + XmppComponentAutoConfigurationTests.CLOSED_PORT,
					"xmpp.component.shutdown-timeout=1s");
		assertThatException().isThrownBy(() -> application.run(args).close());
	}

	/** The failure analysis Spring Boot logs, from its banner to the end of the output. */
	private static String failureReport(CapturedOutput output) {
		String all = output.getAll();
		int start = all.indexOf("APPLICATION FAILED TO START");
		assertThat(start).as("a failure analysis was reported in:%n%s", all).isNotNegative();
		String report = all.substring(start);
		assertThat(report).contains("Description:").contains("Action:");
		return report.substring(report.indexOf("Description:"));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ XmppComponentAutoConfiguration.class, XmppAnswersAutoConfiguration.class })
	static class Bot {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ XmppComponentAutoConfiguration.class, XmppAnswersAutoConfiguration.class })
	@Import(BadPatternHandlers.class)
	static class BadPattern {

	}

	static class BadPatternHandlers {

		@OnMessage(body = "!roll (?<n>\\d+")
		String roll(@Match("n") int n) {
			return "";
		}

	}

}
