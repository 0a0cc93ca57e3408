package dev.kindling.test.autoconfigure;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import dev.kindling.adhoc.AdHocCommand;
import dev.kindling.handler.Command;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.OnPresence;
import dev.kindling.handler.XmppAdvice;
import dev.kindling.handler.XmppExceptionHandler;
import dev.kindling.muc.OnOccupant;
import dev.kindling.pubsub.OnPubSubEvent;

/**
 * Keeps component scanning of an {@link XmppComponentTest} to the handler beans: classes with a
 * method annotated {@code @OnMessage}, {@code @OnIq}, {@code @OnPresence}, {@code @Command},
 * {@code @OnPubSubEvent}, {@code @AdHocCommand}, {@code @OnOccupant} or {@code @XmppExceptionHandler},
 * and {@code @XmppAdvice} classes (or those listed in
 * {@link XmppComponentTest#handlers()}), plus the test's include filters.
 */
final class XmppComponentTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<XmppComponentTest> {

	private static final String[] HANDLER_ANNOTATIONS = { OnMessage.class.getName(), OnIq.class.getName(),
			OnPresence.class.getName(), Command.class.getName(), OnPubSubEvent.class.getName(),
			AdHocCommand.class.getName(), OnOccupant.class.getName(), XmppExceptionHandler.class.getName() };

	private final Set<Class<?>> handlers;

	XmppComponentTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
		this.handlers = new LinkedHashSet<>();
		if (hasAnnotation()) {
			this.handlers.addAll(Arrays.asList(getAnnotation().getClassArray("handlers")));
		}
	}

	@Override
	protected boolean defaultInclude(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
			throws IOException {
		if (!this.handlers.isEmpty()) {
			for (Class<?> handler : this.handlers) {
				if (isTypeOrAnnotated(metadataReader, metadataReaderFactory, handler)) {
					return true;
				}
			}
			return false;
		}
		AnnotationMetadata metadata = metadataReader.getAnnotationMetadata();
		if (metadata.isAnnotated(XmppAdvice.class.getName())) {
			return true;
		}
		for (String annotation : HANDLER_ANNOTATIONS) {
			if (metadata.hasAnnotatedMethods(annotation)) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected Set<Class<?>> getComponentIncludes() {
		return this.handlers;
	}

}
