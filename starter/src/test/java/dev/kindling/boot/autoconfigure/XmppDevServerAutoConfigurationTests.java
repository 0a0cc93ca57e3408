package dev.kindling.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

import dev.kindling.devserver.ProsodyNotInstalledException;
import dev.kindling.devserver.ProsodyServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The dev server is a module of its own: configured when it is on the class path and enabled, a
 * clear startup failure when it is enabled but absent, and nothing at all when it is off.
 */
@ExtendWith(OutputCaptureExtension.class)
class XmppDevServerAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppDevServerAutoConfiguration.class));

	@Test
	void offByDefaultAndWithoutTheModuleNothingIsConfigured() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ProsodyServer.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(XmppDevServerDetails.class);
			assertThat(context).doesNotHaveBean(XmppConnectionDetails.class);
		});
	}

	@Test
	void enabledWithoutTheModuleFailsStartup() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ProsodyServer.class))
			.withPropertyValues("xmpp.dev-server.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(DevServerNotOnClassPathException.class)
				.hasMessageContaining("xmpp.dev-server.enabled")
				.hasMessageContaining("dev.kindling:kindling-devserver"));
	}

	@Test
	void enabledWithoutTheModuleIsAnalyzedNamingThePropertyAndTheDependency(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(DevServerOnly.class)
			.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader(ProsodyServer.class)))
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off");
		assertThatException().isThrownBy(() -> application.run("--xmpp.dev-server.enabled=true").close());

		String all = output.getAll();
		assertThat(all).contains("APPLICATION FAILED TO START");
		String report = all.substring(all.indexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains("Description:")
			.contains("xmpp.dev-server.enabled is true, but the dev server (dev.kindling:kindling-devserver) is not on the class path.")
			.contains("Action:")
			.contains("add the dependency dev.kindling:kindling-devserver")
			.contains("set xmpp.dev-server.enabled=false");
	}

	@Test
	void enabledWithTheModuleButWithoutProsodyFailsWithProsodysOwnError() {
		this.contextRunner
			.withPropertyValues("xmpp.dev-server.enabled=true", "xmpp.dev-server.executable=/nonexistent/prosody")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ProsodyNotInstalledException.class));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(XmppDevServerAutoConfiguration.class)
	static class DevServerOnly {

	}

}
