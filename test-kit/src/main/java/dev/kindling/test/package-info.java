/**
 * Testing support for Kindling bots: {@link dev.kindling.test.XmppTestHarness}, the component over
 * an in-memory wire with AssertJ assertions on what it writes and scripted answers to its own
 * requests; and, for tests against a real server, {@link dev.kindling.test.ProsodyExtension} with
 * the Smack-based {@link dev.kindling.test.XmppTestClient}.
 */
@NullMarked
package dev.kindling.test;

import org.jspecify.annotations.NullMarked;
