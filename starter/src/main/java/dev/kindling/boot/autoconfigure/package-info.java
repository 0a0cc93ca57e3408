/**
 * Spring Boot auto-configuration for Kindling: the component connection, dispatch and handlers,
 * the built-in answers, and the local dev server.
 */
@NullMarked
package dev.kindling.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
