package dev.kindling.test.autoconfigure;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Brings Boot's validation auto-configuration into the slice when the application has it (with
 * {@code spring-boot-starter-validation}), so handler arguments are validated in tests as in
 * production. A slice's list of auto-configurations cannot name a class that may be absent.
 */
final class SliceValidationImportSelector implements ImportSelector, BeanClassLoaderAware {

	static final String VALIDATION = "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration";

	private ClassLoader classLoader = SliceValidationImportSelector.class.getClassLoader();

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public String[] selectImports(AnnotationMetadata metadata) {
		return ClassUtils.isPresent(VALIDATION, this.classLoader) ? new String[] { VALIDATION } : new String[0];
	}

}
