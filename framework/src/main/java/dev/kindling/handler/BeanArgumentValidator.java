package dev.kindling.handler;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.metadata.MethodDescriptor;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;

/**
 * Validates handler arguments with Jakarta Bean Validation: constraints on parameters
 * ({@code @Min(2) int sides}) and {@code @Valid} on records (a payload's own constraints). A
 * violation is the sender's mistake: {@link ArgumentRejectedException} with the argument's name and
 * the constraint's message ({@code sides must be greater than or equal to 2}).
 */
public final class BeanArgumentValidator implements ArgumentValidator {

	private final Validator validator;

	public BeanArgumentValidator(Validator validator) {
		this.validator = validator;
	}

	@Override
	public @Nullable Check forMethod(Object bean, Method method, List<String> names) {
		MethodDescriptor descriptor = this.validator.getConstraintsForClass(AopUtils.getTargetClass(bean))
			.getConstraintsForMethod(method.getName(), method.getParameterTypes());
		if (descriptor == null || !descriptor.hasConstrainedParameters()) {
			return null;
		}
		return (target, arguments) -> {
			Set<ConstraintViolation<Object>> violations = this.validator.forExecutables()
				.validateParameters(target, method, arguments);
			if (!violations.isEmpty()) {
				throw rejected(violations, names);
			}
		};
	}

	private static ArgumentRejectedException rejected(Set<ConstraintViolation<Object>> violations, List<String> names) {
		List<Violation> described = violations.stream()
			.map((violation) -> Violation.of(violation, names))
			.sorted(Comparator.comparing(Violation::text))
			.toList();
		return new ArgumentRejectedException(described.get(0).argument(),
				described.stream().map(Violation::text).collect(Collectors.joining("; ")));
	}

	private record Violation(String argument, String text) {

		/** {@code sides must be …}, or {@code move.cell must be …} for a record's component. */
		static Violation of(ConstraintViolation<Object> violation, List<String> names) {
			String argument = null;
			StringBuilder path = new StringBuilder();
			for (Path.Node node : violation.getPropertyPath()) {
				if (node.getKind() == ElementKind.PARAMETER) {
					int index = node.as(Path.ParameterNode.class).getParameterIndex();
					argument = names.get(index);
					path.append(argument);
				}
				else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
					if (node.getName() != null) {
						path.append('.').append(node.getName());
					}
				}
			}
			String name = (argument != null) ? argument : "argument";
			return new Violation(name, ((path.length() > 0) ? path : name) + " " + violation.getMessage());
		}

	}

}
