/**
 * The handler model: {@link dev.kindling.handler.OnMessage @OnMessage},
 * {@link dev.kindling.handler.OnIq @OnIq} and {@link dev.kindling.handler.OnPresence @OnPresence}
 * methods on any bean, their arguments and return values, and the registry that routes to them.
 */
@NullMarked
package dev.kindling.handler;

import org.jspecify.annotations.NullMarked;
