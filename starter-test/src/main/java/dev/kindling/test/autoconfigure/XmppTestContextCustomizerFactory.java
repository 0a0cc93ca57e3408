package dev.kindling.test.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ReflectionUtils;

import dev.kindling.devserver.EjabberdServer;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.test.EjabberdExtension;
import dev.kindling.test.ProsodyExtension;

/**
 * Keeps the dev server off in tests that bring their own server, whatever {@code application.yaml}
 * or the test's properties say, so a test never runs two Prosodys:
 * <ul>
 * <li>a test with {@link AutoConfigureXmppComponent} (and so {@link XmppComponentTest}): the
 * in-memory wire is its server;</li>
 * <li>a test with a {@link ProsodyExtension} or an {@link EjabberdExtension} in a static field (of
 * the test class or, for {@code @Nested} tests, of an enclosing class): the component connects to
 * that server (node 0 of an ejabberd cluster). Like
 * Spring Boot's {@code @ServiceConnection}, its address wins over the application's connection
 * properties; an {@code XmppConnectionDetails} bean of the test still replaces them all.</li>
 * </ul>
 */
class XmppTestContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		List<Field> fields = new ArrayList<>();
		boolean inMemory = false;
		for (Class<?> type = testClass; type != null;
				type = TestContextAnnotationUtils.searchEnclosingClass(type) ? type.getEnclosingClass() : null) {
			inMemory |= MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY).isPresent(AutoConfigureXmppComponent.class);
			ReflectionUtils.doWithLocalFields(type, (field) -> {
				if (Modifier.isStatic(field.getModifiers()) && (ProsodyExtension.class.isAssignableFrom(field.getType())
						|| EjabberdExtension.class.isAssignableFrom(field.getType()))) {
					fields.add(field);
				}
			});
		}
		if (fields.size() > 1) {
			throw new IllegalStateException(testClass.getName() + " has " + fields.size()
					+ " static ProsodyExtension/EjabberdExtension fields " + fields.stream().map(Field::getName).toList()
					+ "; the application can connect to one of them only");
		}
		if (fields.isEmpty() && !inMemory) {
			return null;
		}
		return new OwnServer(fields.isEmpty() ? null : fields.get(0));
	}

	/**
	 * Equal for the same field: one context per test class with its own server.
	 * @param server the static field holding the test's {@link ProsodyExtension} or
	 * {@link EjabberdExtension}, if any
	 */
	private record OwnServer(@Nullable Field server) implements ContextCustomizer {

		static final String PROPERTY_SOURCE = "kindlingTestServer";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("xmpp.dev-server.enabled", "false");
			if (this.server != null) {
				Object extension = extension(this.server);
				if (extension instanceof EjabberdExtension ejabberd) {
					EjabberdServer server = server(this.server, ejabberd::server);
					put(properties, "ejabberd", server.host(), server.componentPort(), server.componentDomain(),
							server.componentSecret(), server.domain(), server.mucDomain(), server.pubsubDomain(),
							server.c2sPort());
				}
				else {
					ProsodyServer server = server(this.server, ((ProsodyExtension) extension)::server);
					put(properties, "prosody", server.host(), server.componentPort(), server.componentDomain(),
							server.componentSecret(), server.domain(), server.mucDomain(), server.pubsubDomain(),
							server.c2sPort());
				}
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
		}

		private static void put(Map<String, Object> properties, String kind, String host, int componentPort,
				String componentDomain, String componentSecret, String domain, String mucDomain, String pubsubDomain,
				int c2sPort) {
			properties.put("xmpp.component.host", host);
			properties.put("xmpp.component.port", componentPort);
			properties.put("xmpp.component.domain", componentDomain);
			properties.put("xmpp.component.secret", componentSecret);
			// The server's addresses, for placeholders such as ${xmpp.test.prosody.muc-domain}.
			String prefix = "xmpp.test." + kind + ".";
			properties.put(prefix + "domain", domain);
			properties.put(prefix + "component-domain", componentDomain);
			properties.put(prefix + "muc-domain", mucDomain);
			properties.put(prefix + "pubsub-domain", pubsubDomain);
			properties.put(prefix + "host", host);
			properties.put(prefix + "c2s-port", c2sPort);
		}

		private static Object extension(Field field) {
			ReflectionUtils.makeAccessible(field);
			Object extension = ReflectionUtils.getField(field, null);
			if (extension == null) {
				throw new IllegalStateException("The " + field.getType().getSimpleName() + " field " + field + " is null");
			}
			return extension;
		}

		private static <S> S server(Field field, java.util.function.Supplier<S> server) {
			try {
				return server.get();
			}
			catch (IllegalStateException ex) {
				String extension = field.getType().getSimpleName();
				throw new IllegalStateException("The Spring context of " + field.getDeclaringClass().getName()
						+ " loads before its " + extension + " started its server: register the extension with "
						+ "@RegisterExtension on a static field, and keep the default per-method test instance lifecycle", ex);
			}
		}

	}

}
