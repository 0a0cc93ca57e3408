package dev.kindling.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * No package of the test kit depends on itself through others: each package is a slice, so a cycle
 * between a package and its sub-package fails too.
 */
class PackageCyclesTests {

	@Test
	void packagesAreFreeOfCycles() {
		// Only this module's main classes: the test classes and the other modules on the class path
		// are checked by their own builds.
		JavaClasses classes = new ClassFileImporter()
			.importUrl(XmppTestHarness.class.getProtectionDomain().getCodeSource().getLocation());
		slices().matching("(**)").should().beFreeOfCycles().check(classes);
	}

}
