package dev.kindling.connection;

import org.springframework.util.Assert;

/**
 * Where the component connects and who it is: the server's component port, the component's own
 * full domain and its shared secret.
 *
 * @param host the server's host name or address
 * @param port the server's component port (XEP-0114)
 * @param domain the component's full domain, e.g. {@code echo.example.com}
 * @param secret the shared secret the server holds for that domain
 */
public record ComponentEndpoint(String host, int port, String domain, String secret) {

	public ComponentEndpoint {
		Assert.hasText(host, "host must not be blank");
		Assert.isTrue(port > 0 && port < 65536, "port must be between 1 and 65535");
		Assert.hasText(domain, "domain must not be blank");
		Assert.hasText(secret, "secret must not be blank");
	}

	/** The server's parent domain, the default target of liveness pings. */
	public String serverDomain() {
		int dot = this.domain.indexOf('.');
		return (dot > 0 && dot < this.domain.length() - 1) ? this.domain.substring(dot + 1) : this.domain;
	}

	@Override
	public String toString() {
		return "ComponentEndpoint[" + this.domain + " at " + this.host + ":" + this.port + "]";
	}

}
