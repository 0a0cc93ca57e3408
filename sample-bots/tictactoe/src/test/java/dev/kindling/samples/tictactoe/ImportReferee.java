package dev.kindling.samples.tictactoe;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * The referee's beans for an {@code @XmppComponentTest}, which picks up only handler beans: the
 * registry, its store, events, spectators, rooms and forfeits.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({ ToetemConfiguration.class, ToetemStoreConfiguration.class, GameRegistry.class, GameDirectory.class,
		GameEvents.class, Spectators.class, GameRooms.class, Forfeits.class, GameAddresses.class,
		GameLoader.class })
@interface ImportReferee {

}
