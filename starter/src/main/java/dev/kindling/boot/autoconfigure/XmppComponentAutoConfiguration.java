package dev.kindling.boot.autoconfigure;



import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ReflectionUtils;
import org.xmpp.packet.JID;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ComponentTransport;
import dev.kindling.connection.ConnectionSettings;
import dev.kindling.connection.OutboundQueue;
import dev.kindling.connection.StanzaListener;
import dev.kindling.dispatch.DispatchSettings;
import dev.kindling.dispatch.SenderRateLimiter;
import dev.kindling.dispatch.StanzaDispatcher;
import dev.kindling.handler.ArgumentValidator;
import dev.kindling.handler.BeanArgumentValidator;
import dev.kindling.handler.CommandHelp;
import dev.kindling.handler.HandlerMethodConfigurer;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.StanzaHandlerAnnotationBeanPostProcessor;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandlerAnnotationBeanPostProcessor;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.liveness.LivenessMonitor;
import dev.kindling.observe.HandlerObservationConvention;
import dev.kindling.observe.RequestObservationConvention;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.replica.Balancing;
import dev.kindling.replica.Replica;
import dev.kindling.replica.ReplicaHealth;
import dev.kindling.replica.ReplicaSettings;
import dev.kindling.replica.ReplicaStanzaListener;
import dev.kindling.routing.RoutingInterceptor;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.DefaultXmppTemplate;
import dev.kindling.template.PendingRequests;
import dev.kindling.template.XmppTemplate;

/**
 * The component: its connection, the dispatch from the reader thread to the handler beans, the
 * routing table built from {@code @OnMessage}/{@code @OnIq}/{@code @OnPresence} methods, the
 * outbound template and the liveness pings.
 */
@AutoConfiguration(afterName = "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration")
@EnableConfigurationProperties({ XmppComponentProperties.class, XmppDispatchProperties.class, XmppCommandsProperties.class,
		XmppObservationProperties.class })
public final class XmppComponentAutoConfiguration {

	/** IQ requests of the component's own that may await their answers at once. */
	static final int MAX_PENDING_REQUESTS = 10_000;

	@Bean
	static StanzaHandlerAnnotationBeanPostProcessor stanzaHandlerAnnotationBeanPostProcessor() {
		return new StanzaHandlerAnnotationBeanPostProcessor();
	}

	@Bean
	static XmppExceptionHandlerAnnotationBeanPostProcessor xmppExceptionHandlerAnnotationBeanPostProcessor() {
		return new XmppExceptionHandlerAnnotationBeanPostProcessor();
	}

	/** Handler beans must exist to be routed to, lazy initialization or not; so must their exception handlers. */
	@Bean
	static LazyInitializationExcludeFilter xmppHandlerBeansLazyInitializationExcludeFilter() {
		return (beanName, definition, beanType) -> Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(beanType))
			.anyMatch((method) -> StanzaHandlerFactory.isHandler(method) || XmppExceptionHandlers.isExceptionHandler(method));
	}

	@Bean
	@ConditionalOnMissingBean
	XmppConnectionDetails xmppConnectionDetails(XmppComponentProperties properties) {
		return new PropertiesXmppConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	HandlerRegistry xmppHandlerRegistry() {
		return new HandlerRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	StanzaHandlerFactory xmppStanzaHandlerFactory(ObjectProvider<HandlerMethodConfigurer> configurers,
			ListableBeanFactory beanFactory, XmppCommandsProperties commands, ObjectProvider<ArgumentValidator> validator) {
		// Boot's conversions plus the application's own Converter and Formatter beans, for @Match and commands.
		ApplicationConversionService conversionService = new ApplicationConversionService();
		ApplicationConversionService.addBeans(conversionService, beanFactory);
		return new StanzaHandlerFactory(conversionService, configurers.orderedStream().toList(), commands.prefix(),
				validator.getIfAvailable(() -> ArgumentValidator.NONE));
	}

	/** The application's registry (actuator, tracing) when observations are on, else nothing is observed. */
	private static ObservationRegistry observationRegistry(XmppObservationProperties observations,
			ObjectProvider<ObservationRegistry> registry) {
		return observations.enabled() ? registry.getIfUnique(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP;
	}

	/** Handler arguments are validated when the application has a Bean Validation provider. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Validator.class)
	static final class ArgumentValidation {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(Validator.class)
		ArgumentValidator xmppArgumentValidator(Validator validator) {
			return new BeanArgumentValidator(validator);
		}

	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "xmpp.commands.help", matchIfMissing = true)
	CommandHelp xmppCommandHelp(HandlerRegistry registry) {
		return new CommandHelp(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	XmppExceptionHandlers xmppExceptionHandlers(StanzaHandlerFactory factory) {
		return new XmppExceptionHandlers(factory.argumentResolvers());
	}

	@Bean
	@ConditionalOnMissingBean
	OutboundQueue xmppOutboundQueue(XmppComponentProperties properties) {
		return new OutboundQueue(properties.outboundCapacity());
	}

	@Bean
	@ConditionalOnMissingBean
	PendingRequests xmppPendingRequests(ObjectProvider<StanzaObserver> observers) {
		return new PendingRequests(MAX_PENDING_REQUESTS, observer(observers));
	}

	@Bean
	@ConditionalOnMissingBean(XmppTemplate.class)
	DefaultXmppTemplate xmppTemplate(XmppConnectionDetails details, OutboundQueue outbound, PendingRequests pending,
			XmppComponentProperties properties, XmppObservationProperties observations,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<RequestObservationConvention> observationConvention) {
		DefaultXmppTemplate template = new DefaultXmppTemplate(details.domain(), outbound, pending,
				properties.requestTimeout());
		template.setObservationRegistry(observationRegistry(observations, observationRegistry));
		template.setObservationConvention(observationConvention.getIfUnique());
		return template;
	}

	@Bean
	@ConditionalOnMissingBean
	StanzaRouter xmppStanzaRouter(HandlerRegistry registry, StanzaHandlerFactory factory, XmppTemplate template,
			PendingRequests pending, ObjectProvider<StanzaObserver> observers,
			ObjectProvider<RoutingInterceptor> interceptors, XmppExceptionHandlers exceptionHandlers,
			XmppObservationProperties observations, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<HandlerObservationConvention> observationConvention) {
		StanzaRouter router = new StanzaRouter(registry, factory.returnValueHandlers(), template, pending,
				observer(observers), interceptors.orderedStream().toList(), exceptionHandlers);
		router.setObservationRegistry(observationRegistry(observations, observationRegistry));
		router.setObservationConvention(observationConvention.getIfUnique());
		return router;
	}

	@Bean
	@ConditionalOnMissingBean
	StanzaDispatcher xmppStanzaDispatcher(StanzaRouter router, XmppDispatchProperties properties,
			ObjectProvider<StanzaObserver> observers) {
		XmppDispatchProperties.RateLimit limit = properties.rateLimit();
		SenderRateLimiter limiter = limit.enabled()
				? new SenderRateLimiter(limit.perSecond(), limit.burst(), limit.maxSenders(), System::nanoTime) : null;
		return new StanzaDispatcher(router, new DispatchSettings(properties.threads(), properties.queueCapacity()),
				observer(observers), limiter);
	}

	/** The wire: XEP-0114 over TCP, unless a bean of another one (the test kit's in-memory wire) replaces it. */
	@Bean
	@ConditionalOnMissingBean
	ComponentTransport xmppComponentTransport() {
		return ComponentTransport.TCP;
	}

	@Bean
	@ConditionalOnMissingBean
	ComponentConnection xmppComponentConnection(XmppConnectionDetails details, XmppComponentProperties properties,
			OutboundQueue outbound, StanzaDispatcher dispatcher, ApplicationEventPublisher events,
			ObjectProvider<StanzaObserver> observers, ComponentTransport transport, ObjectProvider<Replica> replica) {
		// Balanced replicas see every stanza before the dispatcher; a single instance is not wrapped at all.
		Replica balanced = replica.getIfAvailable();
		StanzaListener listener = (balanced != null) ? new ReplicaStanzaListener(balanced, dispatcher) : dispatcher;
		ComponentConnection connection = new ComponentConnection(details.toEndpoint(), connectionSettings(properties),
				outbound, listener, events, observer(observers), transport);
		if (balanced != null) {
			// A stop's last ping, like the liveness pings, goes through the replica's home to come back to it.
			connection.setBarrierAddress(balanced::home);
		}
		return connection;
	}

	@Bean
	@ConditionalOnMissingBean
	LivenessMonitor xmppLivenessMonitor(ComponentConnection connection, XmppTemplate template,
			XmppComponentProperties properties, ObjectProvider<Replica> replica) {
		String target = (properties.pingTarget() != null) ? properties.pingTarget()
				: connection.getEndpoint().serverDomain();
		LivenessMonitor monitor = new LivenessMonitor(connection, template, new JID(target), properties.pingInterval(),
				properties.pingTimeout());
		// The server's answers all reach the one replica its address hashes to; a replica's own home reaches it.
		replica.ifAvailable((balanced) -> monitor.setSelfAddress(balanced::home));
		return monitor;
	}

	/**
	 * Several active replicas of the domain ({@code xmpp.component.balancing} other than
	 * {@code none}): the replica's identity, home probing, forwards and health.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnBalancedCondition.class)
	static final class Replicas {

		@Bean
		@ConditionalOnMissingBean
		Replica xmppReplica(XmppComponentProperties properties, XmppConnectionDetails details, XmppTemplate template,
				ObjectProvider<ComponentConnection> connection) {
			ReplicaSettings settings = new ReplicaSettings(instanceName(properties), properties.balancing(),
					properties.probeTimeout());
			// A replica without a slot is a spare: it stands by like a hand-over standby, at the standby retry.
			Replica replica = new Replica(settings, details.domain(), template,
					(cause) -> connection.getObject().standBy(cause));
			if (template instanceof DefaultXmppTemplate defaults) {
				defaults.setIdMark(replica::idMark);
			}
			return replica;
		}

		@Bean
		@ConditionalOnMissingBean
		ReplicaHealth xmppReplicaHealth(Replica replica) {
			return new ReplicaHealth(replica);
		}

	}

	/** {@code xmpp.component.instance}, else the host name (a StatefulSet pod's name). */
	static String instanceName(XmppComponentProperties properties) {
		if (properties.instance() != null) {
			return properties.instance();
		}
		String host = System.getenv("HOSTNAME");
		if (host != null && !host.isBlank()) {
			return host;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			throw new InvalidConfigurationPropertyValueException(XmppComponentProperties.PREFIX + ".instance", null,
					"The host name is unknown (" + ex.getMessage() + "); set the replica's name.");
		}
	}

	/** Every {@link StanzaObserver} bean (metrics, traces, tests) as one. */
	private static StanzaObserver observer(ObjectProvider<StanzaObserver> observers) {
		return StanzaObserver.composite(observers.orderedStream().toList());
	}

	static ConnectionSettings connectionSettings(XmppComponentProperties properties) {
		return new ConnectionSettings(properties.connectTimeout(), properties.backoff().minDelay(),
				properties.backoff().maxDelay(), (int) properties.maxStanzaSize().toBytes(), properties.shutdownTimeout(),
				properties.standby().retry(), properties.balancing() == Balancing.NONE);
	}


}
