package dev.kindling.test.autoconfigure.docs.adhoc;

import java.io.IOException;

/** Where docs/adhoc.md's backup command writes. */
interface BackupStore {

	/** Write a backup; returns its name. */
	String backUp(String requestedBy) throws IOException;

}
