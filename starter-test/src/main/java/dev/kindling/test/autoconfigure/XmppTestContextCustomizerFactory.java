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

import dev.kindling.devserver.ProsodyServer;
import dev.kindling.test.ProsodyExtension;

/**
 * Keeps the dev server off in tests that bring their own server, whatever {@code application.yaml}
 * or the test's properties say, so a test never runs two Prosodys:
 * <ul>
 * <li>a test with {@link AutoConfigureXmppComponent} (and so {@link XmppComponentTest}): the
 * in-memory wire is its server;</li>
 * <li>a test with a {@link ProsodyExtension} in a static field (of the test class or, for
 * {@code @Nested} tests, of an enclosing class): the component connects to that Prosody. Like
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
				if (Modifier.isStatic(field.getModifiers()) && ProsodyExtension.class.isAssignableFrom(field.getType())) {
					fields.add(field);
				}
			});
		}
		if (fields.size() > 1) {
			throw new IllegalStateException(testClass.getName() + " has " + fields.size()
					+ " static ProsodyExtension fields " + fields.stream().map(Field::getName).toList()
					+ "; the application can connect to one of them only");
		}
		if (fields.isEmpty() && !inMemory) {
			return null;
		}
		return new OwnServer(fields.isEmpty() ? null : fields.get(0));
	}

	/**
	 * Equal for the same field: one context per test class with its own Prosody.
	 * @param prosody the static field holding the test's {@link ProsodyExtension}, if any
	 */
	private record OwnServer(@Nullable Field prosody) implements ContextCustomizer {

		static final String PROPERTY_SOURCE = "kindlingTestServer";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("xmpp.dev-server.enabled", "false");
			if (this.prosody != null) {
				ProsodyServer server = server(this.prosody);
				properties.put("xmpp.component.host", server.host());
				properties.put("xmpp.component.port", server.componentPort());
				properties.put("xmpp.component.domain", server.componentDomain());
				properties.put("xmpp.component.secret", server.componentSecret());
				// The server's addresses, for placeholders such as ${xmpp.test.prosody.muc-domain}.
				properties.put("xmpp.test.prosody.domain", server.domain());
				properties.put("xmpp.test.prosody.component-domain", server.componentDomain());
				properties.put("xmpp.test.prosody.muc-domain", server.mucDomain());
				properties.put("xmpp.test.prosody.pubsub-domain", server.pubsubDomain());
				properties.put("xmpp.test.prosody.host", server.host());
				properties.put("xmpp.test.prosody.c2s-port", server.c2sPort());
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
		}

		private static ProsodyServer server(Field field) {
			ReflectionUtils.makeAccessible(field);
			ProsodyExtension extension = (ProsodyExtension) ReflectionUtils.getField(field, null);
			if (extension == null) {
				throw new IllegalStateException("The ProsodyExtension field " + field + " is null");
			}
			try {
				return extension.server();
			}
			catch (IllegalStateException ex) {
				throw new IllegalStateException("The Spring context of " + field.getDeclaringClass().getName()
						+ " loads before its ProsodyExtension started Prosody: register the extension with "
						+ "@RegisterExtension on a static field, and keep the default per-method test instance lifecycle", ex);
			}
		}

	}

}
