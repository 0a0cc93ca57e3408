/**
 * Built-in answers every component owes: ping (XEP-0199), software version (XEP-0092) and entity
 * time (XEP-0202). Each is an ordinary {@code @OnIq} handler bean.
 */
@NullMarked
package dev.kindling.builtin;

import org.jspecify.annotations.NullMarked;
