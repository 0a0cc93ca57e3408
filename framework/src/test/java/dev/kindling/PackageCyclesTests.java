package dev.kindling;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * No package of the framework depends on itself through others: each package, {@code dev.kindling}
 * itself included, is a slice, so a cycle between a package and its sub-package fails too.
 */
class PackageCyclesTests {

	@Test
	void packagesAreFreeOfCycles() {
		// Only this module's main classes: the test classes and the jars on the class path are not
		// the framework's packages. "(**)" makes every package a slice, dev.kindling itself too.
		JavaClasses classes = new ClassFileImporter()
			.importUrl(XmppException.class.getProtectionDomain().getCodeSource().getLocation());
		slices().matching("(**)").should().beFreeOfCycles().check(classes);
	}

}
