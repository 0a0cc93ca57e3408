package dev.kindling.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.kindling.muc.MucRooms;

/**
 * The {@code muc} health indicator: DOWN while a room marked {@code required} is not joined. Only
 * with Spring Boot's health support on the classpath; {@code management.health.muc.enabled=false}
 * switches it off.
 */
@AutoConfiguration(after = XmppMucAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(MucRooms.class)
@ConditionalOnEnabledHealthIndicator("muc")
public final class XmppMucHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "mucHealthIndicator")
	HealthIndicator mucHealthIndicator(MucRooms rooms) {
		return new MucRoomsHealthIndicator(rooms);
	}

}
