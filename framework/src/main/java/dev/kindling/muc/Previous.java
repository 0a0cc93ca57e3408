package dev.kindling.muc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the occupant as it was before the change to an {@link Occupant} parameter of an
 * {@link OnOccupant @OnOccupant} method: the old nick for {@code NICK_CHANGED}, the old role or
 * affiliation for {@code ROLE_CHANGED} and {@code AFFILIATION_CHANGED}; {@code null} for
 * {@code JOINED}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Previous {

}
