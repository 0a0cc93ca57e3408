package dev.kindling.handler;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;

import dev.kindling.XmppErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Startup checks and lookup of {@code @XmppExceptionHandler} methods. */
class XmppExceptionHandlersTests {

	private final XmppExceptionHandlers handlers = new XmppExceptionHandlers(
			new StanzaHandlerFactory(new DefaultConversionService(), List.of(), "!", ArgumentValidator.NONE).argumentResolvers());

	@Test
	void aMethodWithoutExceptionTypeFailsStartupNamingIt() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> this.handlers.register(new NoType()))
			.withMessageContaining("NoType.answer()")
			.withMessageContaining("names no exception type");
	}

	@Test
	void anUnbindableParameterFailsStartupNamingIt() {
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> this.handlers.register(new Unbindable()))
			.withMessageContaining("Unbindable.answer(IllegalStateException, StringBuilder)")
			.withMessageContaining("parameter 1 (StringBuilder) cannot be bound");
	}

	@Test
	void anUnsupportedReturnTypeFailsStartupNamingIt() {
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> this.handlers.register(new WrongReturn()))
			.withMessageContaining("WrongReturn.answer(IllegalStateException) returns Integer");
	}

	@Test
	void twoMethodsForOneTypeFailStartup() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> this.handlers.register(new Twice()))
			.withMessageContaining("Ambiguous @XmppExceptionHandler methods for java.lang.IllegalStateException");
	}

	@Test
	void theMostSpecificTypeWinsAndCausesAreTried() {
		Specific bean = new Specific();
		this.handlers.register(bean);

		assertThat(this.handlers.find(bean, new IllegalArgumentException())).extracting(ExceptionHandlerMethod::name)
			.isEqualTo("XmppExceptionHandlersTests.Specific.illegalArgument(IllegalArgumentException)");
		assertThat(this.handlers.find(bean, new NumberFormatException())).extracting(ExceptionHandlerMethod::name)
			.isEqualTo("XmppExceptionHandlersTests.Specific.illegalArgument(IllegalArgumentException)");
		assertThat(this.handlers.find(bean, new IllegalStateException())).extracting(ExceptionHandlerMethod::name)
			.isEqualTo("XmppExceptionHandlersTests.Specific.anything(RuntimeException)");
		assertThat(this.handlers.find(bean, new XmppErrorException(dev.kindling.ErrorCondition.CONFLICT, null)))
			.extracting(ExceptionHandlerMethod::name)
			.isEqualTo("XmppExceptionHandlersTests.Specific.anything(RuntimeException)");
		assertThat(this.handlers.find(bean, new Exception(new IllegalArgumentException())))
			.extracting(ExceptionHandlerMethod::name)
			.isEqualTo("XmppExceptionHandlersTests.Specific.illegalArgument(IllegalArgumentException)");
		assertThat(this.handlers.find(bean, new IllegalStateException()).isCatchAll()).isTrue();
		assertThat(this.handlers.find(new Object(), new IllegalStateException())).isNull();
	}

	@Test
	void adviceAppliesToItsPackagesAndTypesOnly() {
		Scoped advice = new Scoped();
		this.handlers.register(advice);

		assertThat(this.handlers.find(new Specific(), new IllegalStateException())).isNotNull();
		assertThat(this.handlers.find("a String bean", new IllegalStateException())).isNull();
		assertThat(this.handlers.adviceBeans()).containsExactly(advice);
	}

	static class NoType {

		@XmppExceptionHandler
		String answer() {
			return "?";
		}

	}

	static class Unbindable {

		@XmppExceptionHandler
		String answer(IllegalStateException ex, StringBuilder unknown) {
			return "?";
		}

	}

	static class WrongReturn {

		@XmppExceptionHandler
		Integer answer(IllegalStateException ex) {
			return 1;
		}

	}

	static class Twice {

		@XmppExceptionHandler
		String one(IllegalStateException ex) {
			return "1";
		}

		@XmppExceptionHandler(IllegalStateException.class)
		String two() {
			return "2";
		}

	}

	static class Specific {

		@XmppExceptionHandler
		String anything(RuntimeException ex) {
			return "any";
		}

		@XmppExceptionHandler
		String illegalArgument(IllegalArgumentException ex) {
			return "argument";
		}

	}

	@XmppAdvice(basePackages = "dev.kindling.handler")
	static class Scoped {

		@XmppExceptionHandler
		void any(IllegalStateException ex) {
		}

	}

}
