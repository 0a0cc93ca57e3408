package dev.kindling.test.autoconfigure.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every {@code ```java} block of the README and of {@code docs/} is a tagged region of a source file
 * that this build compiles, so no page shows code that does not compile or lacks its imports.
 *
 * <p>A page marks each block with {@code <!-- snippet: path/to/File.java#region -->} on the line before the
 * fence; the path is relative to the repository root. In the source, the region is the lines between
 * {@code // tag::region[]} and {@code // end::region[]}; a region may be opened and closed more than once
 * (imports, then a method body), and the parts are joined. Each part loses its common indentation and
 * tabs become four spaces. Run with {@code -Dsnippets.update=true} to rewrite the pages' blocks from the
 * sources after changing a source (then review the diff).
 */
class DocSnippetsTests {

	private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->");

	private static final Path ROOT = findRoot();

	@Test
	void everyJavaBlockIsItsSnippet() throws IOException {
		boolean update = Boolean.getBoolean("snippets.update");
		List<String> problems = new ArrayList<>();
		int blocks = 0;
		for (Path page : pages()) {
			List<String> lines = Files.readAllLines(page);
			List<String> rewritten = new ArrayList<>();
			String marker = null;
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				rewritten.add(line);
				if (!line.startsWith("```java")) {
					if (!line.isBlank()) {
						marker = line.strip();
					}
					continue;
				}
				blocks++;
				int end = i + 1;
				while (end < lines.size() && !lines.get(end).startsWith("```")) {
					end++;
				}
				String where = ROOT.relativize(page) + ":" + (i + 1);
				List<String> shown = lines.subList(i + 1, Math.min(end, lines.size()));
				Matcher matcher = (marker != null) ? MARKER.matcher(marker) : null;
				if (matcher == null || !matcher.matches()) {
					problems.add(where + ": a java block without a '<!-- snippet: path/File.java#region -->' line before it");
					rewritten.addAll(shown);
				}
				else {
					List<String> expected = region(matcher.group(1), matcher.group(2), where, problems);
					if (expected == null) {
						rewritten.addAll(shown);
					}
					else {
						rewritten.addAll(expected);
						if (!expected.equals(shown)) {
							problems.add(where + ": the block differs from " + matcher.group(1) + "#" + matcher.group(2)
									+ "; expected:\n" + String.join("\n", expected));
						}
					}
				}
				i = end - 1;
				marker = null;
			}
			if (update && !rewritten.equals(lines)) {
				Files.write(page, rewritten);
			}
		}
		assertThat(blocks).as("java blocks found under " + ROOT).isPositive();
		if (!problems.isEmpty() && !update) {
			fail(problems.size() + " of " + blocks + " java blocks do not match their snippet (rewrite them with "
					+ "-Dsnippets.update=true):\n" + String.join("\n", problems));
		}
	}

	private static List<String> region(String file, String tag, String where, List<String> problems) {
		Path source = ROOT.resolve(file);
		if (!Files.isRegularFile(source)) {
			problems.add(where + ": no file " + file);
			return null;
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(source);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> result = new ArrayList<>();
		List<String> part = null;
		boolean found = false;
		for (String line : lines) {
			String stripped = line.strip();
			if (stripped.equals("// tag::" + tag + "[]")) {
				part = new ArrayList<>();
				found = true;
			}
			else if (stripped.equals("// end::" + tag + "[]")) {
				if (part != null) {
					result.addAll(dedent(part));
				}
				part = null;
			}
			else if (stripped.startsWith("// tag::") || stripped.startsWith("// end::")) {
				// another region's marker inside this one: never shown
			}
			else if (part != null) {
				part.add(line.replace("\t", "    "));
			}
		}
		if (!found || part != null) {
			problems.add(where + ": " + file + " has no closed region '" + tag + "' (// tag::" + tag + "[] … // end::"
					+ tag + "[])");
			return null;
		}
		return result;
	}

	private static List<String> dedent(List<String> lines) {
		int indent = lines.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		return lines.stream().map((line) -> line.isBlank() ? "" : line.substring(indent).stripTrailing()).toList();
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	private static Path findRoot() {
		// Surefire runs in the module's directory; the pages are one level up.
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("README.md"))
					&& Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No repository root (with docs/, README.md and mvnw) above "
				+ Path.of("").toAbsolutePath());
	}

}
