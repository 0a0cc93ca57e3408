package dev.kindling.adhoc;

import java.util.List;

import org.springframework.beans.factory.BeanFactory;

import dev.kindling.handler.AnnotatedMethodCollector;

/**
 * Finds {@link AdHocCommand @AdHocCommand} methods on every bean and, once all singletons exist,
 * registers them with {@link AdHocCommands}, resolving property placeholders in {@code allowed}.
 */
public class AdHocCommandAnnotationBeanPostProcessor extends AnnotatedMethodCollector {

	public AdHocCommandAnnotationBeanPostProcessor() {
		super(AdHocCommands::isCommand);
	}

	@Override
	protected void register(List<AnnotatedMethod> methods, BeanFactory beanFactory) {
		if (methods.isEmpty()) {
			return;
		}
		AdHocCommands commands = beanFactory.getBean(AdHocCommands.class);
		for (AnnotatedMethod found : methods) {
			commands.register(found.bean(), found.method(), this::resolvePlaceholders);
		}
	}

}
