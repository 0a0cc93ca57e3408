package dev.kindling.handler;

import java.lang.reflect.Method;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Validates a handler's arguments after they are bound and before the method runs. Kindling's
 * implementation is {@link BeanArgumentValidator} (Jakarta Bean Validation), used when the
 * application has a validator, such as the one {@code spring-boot-starter-validation} brings.
 */
public interface ArgumentValidator {

	/** Validates nothing. */
	ArgumentValidator NONE = (bean, method, names) -> null;

	/**
	 * The check for one handler method, decided once at startup.
	 * @param names what each parameter is called in an answer to the sender (a command argument's
	 * name, a {@code @Match} group, the parameter's name)
	 * @return {@code null} when the method declares no constraints, so its calls cost nothing
	 */
	@Nullable Check forMethod(Object bean, Method method, List<String> names);

	/** Validates one call's arguments. */
	@FunctionalInterface
	interface Check {

		/** @throws ArgumentRejectedException naming the argument and the constraint it breaks */
		void validate(Object bean, @Nullable Object[] arguments);

	}

}
