package dev.kindling.samples.tictactoe;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.kindling.boot.autoconfigure.XmppConnectionDetails;
import dev.kindling.samples.tictactoe.ClientConfigController.ClientConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The page's configuration against a real server (no dev server): from toetem.web.* only. */
class ClientConfigTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(ClientConfigController.class)
		.withBean(XmppConnectionDetails.class, () -> new XmppConnectionDetails() {

			@Override
			public String host() {
				return "xmpp.example.com";
			}

			@Override
			public int port() {
				return 5347;
			}

			@Override
			public String domain() {
				return "toetem.example.com";
			}

			@Override
			public String secret() {
				return "secret";
			}

		});

	@Test
	void bindsTheToetemWebProperties() {
		this.contexts
			.withPropertyValues("toetem.web.websocket-url=wss://xmpp.example.com/xmpp-websocket",
					"toetem.web.bosh-url=https://xmpp.example.com/http-bind", "toetem.web.domain=example.com")
			.run((context) -> assertThat(context.getBean(ClientConfigController.class).config())
				.isEqualTo(new ClientConfig("wss://xmpp.example.com/xmpp-websocket",
						"https://xmpp.example.com/http-bind", "example.com", "toetem.example.com", List.of())));
	}

	@Test
	void aBadUrlFailsStartupNamingTheProperty() {
		this.contexts.withPropertyValues("toetem.web.bosh-url=ftp://xmpp.example.com/http-bind")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("toetem.web.bosh-url")
				.hasMessageContaining("Must be an absolute http or https URL"));
	}

	@Test
	void takesTheEndpointsFromTheProperties() {
		ClientConfig config = ClientConfig.of(new ToetemWebProperties("wss://xmpp.example.com/xmpp-websocket",
				" https://xmpp.example.com/http-bind ", "example.com"), "toetem.example.com", null);
		assertThat(config.websocketUrl()).isEqualTo("wss://xmpp.example.com/xmpp-websocket");
		assertThat(config.boshUrl()).isEqualTo("https://xmpp.example.com/http-bind");
		assertThat(config.domain()).isEqualTo("example.com");
		assertThat(config.referee()).isEqualTo("toetem.example.com");
	}

	@Test
	void offersNoDemoAccountsWithoutTheDevServer() {
		ClientConfig config = ClientConfig.of(new ToetemWebProperties("ws://xmpp.example.com:5280/xmpp-websocket",
				null, null), "toetem.example.com", null);
		assertThat(config.demoAccounts()).isEmpty();
		assertThat(config.boshUrl()).isNull();
		assertThat(config.domain()).isNull();
	}

	@Test
	void leavesTheEndpointsEmptyWhenNothingIsSet() {
		// The referee runs without its page; the page then says which property to set.
		ClientConfig config = ClientConfig.of(new ToetemWebProperties(null, " ", null), "toetem.example.com", null);
		assertThat(config.websocketUrl()).isNull();
		assertThat(config.boshUrl()).isNull();
	}

	@Test
	void refusesAWebsocketUrlThatIsNotWsOrWss() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> ClientConfig.of(new ToetemWebProperties("https://xmpp.example.com/xmpp-websocket", null,
					null), "toetem.example.com", null))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("toetem.web.websocket-url"))
			.withMessageContaining("Must be an absolute ws or wss URL");
	}

	@Test
	void refusesABoshUrlThatIsNotAbsoluteHttp() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> ClientConfig.of(new ToetemWebProperties(null, "/http-bind", null), "toetem.example.com",
					null))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("toetem.web.bosh-url"))
			.withMessageContaining("Must be an absolute http or https URL");
	}

	@Test
	void refusesAMalformedUrl() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> ClientConfig.of(new ToetemWebProperties("ws://bad host/", null, null),
					"toetem.example.com", null))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("toetem.web.websocket-url"));
	}

}
