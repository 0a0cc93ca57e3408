package dev.kindling.test.autoconfigure.docs.errors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Errors" section of docs/handlers.md shows these sources as they are, without their package line. */
class ErrorsPageTests {

	@ParameterizedTest
	@ValueSource(strings = { "ScoreHandlers.java", "PlayerAdvice.java", "UnknownPlayerException.java",
			"ScoreErrorsTests.java" })
	void thePageShowsTheSource(String file) throws IOException {
		String source = Files.readString(Path.of("src/test/java", getClass().getPackageName().replace('.', '/'), file))
			.replaceFirst("package [\\w.]+;\n\n", "");
		String page = Files.readString(Path.of("../docs/handlers.md"));

		assertThat(page).contains("```java\n" + source + "```\n");
	}

}
