/**
 * Throw-away local XMPP servers for development and tests. {@link dev.kindling.devserver.ProsodyServer}
 * renders a loopback-only configuration into a temporary directory, runs {@code prosody -F} on free
 * ports, registers users, and can kill, restart, freeze and unfreeze the process to inject faults.
 * {@link dev.kindling.devserver.EjabberdServer} does the same with an ejabberd node (with component
 * load balancing), and {@link dev.kindling.devserver.EjabberdCluster} joins several nodes.
 */
@NullMarked
package dev.kindling.devserver;

import org.jspecify.annotations.NullMarked;
