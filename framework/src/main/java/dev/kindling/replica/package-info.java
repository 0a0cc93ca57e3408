/**
 * Several active replicas of one component domain on a server that balances the domain's stanzas
 * over their sessions (ejabberd's {@code domain_balancing} with {@code component_number}): each
 * replica finds an address of the domain that the server routes to it (its home), tags its IQ
 * requests with it, forwards stanzas that belong to another replica through the server, and
 * decides which replica is in which room.
 */
@NullMarked
package dev.kindling.replica;

import org.jspecify.annotations.NullMarked;
