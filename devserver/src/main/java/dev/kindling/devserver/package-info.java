/**
 * A throw-away local Prosody server for development and tests: renders a loopback-only
 * configuration into a temporary directory, runs {@code prosody -F} on free ports, registers
 * users, and can kill, restart, freeze and unfreeze the process to inject faults.
 */
@NullMarked
package dev.kindling.devserver;

import org.jspecify.annotations.NullMarked;
