package dev.kindling.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Chat commands ({@code @Command}).
 *
 * @param prefix What a command starts with, such as "!" in "!roll 6"; may be empty, may not contain spaces
 * @param help Whether a "help" command listing the commands is generated when the application has commands
 */
@ConfigurationProperties("xmpp.commands")
public record XmppCommandsProperties(@DefaultValue("!") String prefix, @DefaultValue("true") boolean help) {

	public XmppCommandsProperties {
		if (prefix.chars().anyMatch(Character::isWhitespace)) {
			throw new InvalidConfigurationPropertyValueException("xmpp.commands.prefix", prefix,
					"A command prefix cannot contain spaces.");
		}
	}

}
