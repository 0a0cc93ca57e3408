package dev.kindling.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import dev.kindling.payload.PayloadHandlerMethodConfigurer;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.payload.XmppPayload;

/**
 * Payload binding: every {@link XmppPayload @XmppPayload} type in the application's packages is
 * registered at startup (two types claiming one element fail it), and handlers may take and
 * return such types.
 */
@AutoConfiguration(before = XmppComponentAutoConfiguration.class)
public final class XmppPayloadAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PayloadMapper xmppPayloadMapper(BeanFactory beanFactory) {
		return PayloadMapper.of(scan(beanFactory));
	}

	@Bean
	@ConditionalOnMissingBean
	PayloadHandlerMethodConfigurer xmppPayloadHandlerMethodConfigurer(PayloadMapper mapper) {
		return new PayloadHandlerMethodConfigurer(mapper);
	}

	private static List<Class<?>> scan(BeanFactory beanFactory) {
		List<Class<?>> types = new ArrayList<>();
		if (!AutoConfigurationPackages.has(beanFactory)) {
			return types;
		}
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(XmppPayload.class));
		ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
		for (String basePackage : AutoConfigurationPackages.get(beanFactory)) {
			scanner.findCandidateComponents(basePackage).forEach((candidate) -> types
				.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), classLoader)));
		}
		return types;
	}

}
