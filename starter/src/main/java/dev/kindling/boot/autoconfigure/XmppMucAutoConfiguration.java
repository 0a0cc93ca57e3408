package dev.kindling.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.xmpp.packet.JID;

import dev.kindling.forms.FormBuilder;
import dev.kindling.muc.Invitations;
import dev.kindling.muc.MucHandlerMethodConfigurer;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.RequiredRoomsHealth;
import dev.kindling.muc.MucSettings;
import dev.kindling.muc.NickConflictStrategy;
import dev.kindling.muc.OccupantHandlers;
import dev.kindling.muc.OnOccupantAnnotationBeanPostProcessor;
import dev.kindling.muc.RoomFilterCheck;
import dev.kindling.muc.RoomKeeper;
import dev.kindling.replica.Replica;
import dev.kindling.replica.ReplicaRoomPlacement;
import dev.kindling.muc.RoomSpec;
import dev.kindling.muc.RoomTraffic;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.XmppTemplate;

/**
 * Multi-user chat: {@link MucRooms} (the wanted rooms), {@link RoomKeeper} (joins them at every
 * connect and self-pings them), {@link RoomTraffic} (keeps each room's view, filters history and
 * reflections), {@link Invitations} and the {@code Room}, {@code Occupant} and
 * {@code @Nick} handler arguments, and the {@code @OnOccupant} methods.
 */
@AutoConfiguration(after = XmppComponentAutoConfiguration.class)
@EnableConfigurationProperties(XmppMucProperties.class)
@ConditionalOnBooleanProperty(name = "xmpp.muc.enabled", matchIfMissing = true)
public final class XmppMucAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MucRooms xmppMucRooms(XmppMucProperties properties, XmppTemplate template, ApplicationEventPublisher events,
			ObjectProvider<Replica> replica) {
		String domain = template.componentJid().getDomain();
		MucRooms rooms = new MucRooms(template, settings(properties), events, rooms(properties, domain));
		// Balanced replicas: each configured room is joined by one replica, from its home address.
		replica.ifAvailable((balanced) -> rooms.setPlacement(new ReplicaRoomPlacement(balanced, domain)));
		return rooms;
	}

	/** Hands the rooms' stanzas to their trackers before any handler sees them. */
	@Bean
	@ConditionalOnMissingBean
	RoomTraffic xmppRoomTraffic(MucRooms rooms, Invitations invitations) {
		return new RoomTraffic(rooms, invitations);
	}

	@Bean
	@ConditionalOnMissingBean
	Invitations xmppMucInvitations(MucRooms rooms, ApplicationEventPublisher events) {
		return new Invitations(rooms, events);
	}

	/** Joins the rooms at every connect, leaves them at shutdown, and self-pings them. */
	@Bean
	@ConditionalOnMissingBean
	RoomKeeper xmppRoomKeeper(MucRooms rooms, ApplicationEventPublisher events) {
		return new RoomKeeper(rooms, events);
	}

	@Bean
	@ConditionalOnMissingBean
	MucHandlerMethodConfigurer xmppMucHandlerMethodConfigurer(MucRooms rooms) {
		return new MucHandlerMethodConfigurer(rooms);
	}

	/** Finds {@code @OnOccupant} methods; static, as a bean post-processor must be. */
	@Bean
	static OnOccupantAnnotationBeanPostProcessor onOccupantAnnotationBeanPostProcessor() {
		return new OnOccupantAnnotationBeanPostProcessor();
	}

	/** Invokes the {@code @OnOccupant} methods on each occupant change, through the router. */
	@Bean
	@ConditionalOnMissingBean
	OccupantHandlers xmppOccupantHandlers(ObjectProvider<StanzaRouter> router, ObjectProvider<XmppTemplate> template) {
		return new OccupantHandlers(router::getObject, template::getObject);
	}

	/** Rooms marked required feed the component's {@code xmpp} health (and so readiness). */
	@Bean
	@ConditionalOnMissingBean
	RequiredRoomsHealth xmppRequiredRoomsHealth(MucRooms rooms) {
		return new RequiredRoomsHealth(rooms);
	}

	@Bean
	@ConditionalOnMissingBean
	RoomFilterCheck xmppRoomFilterCheck(XmppMucProperties properties, XmppTemplate template) {
		return new RoomFilterCheck(rooms(properties, template.componentJid().getDomain()));
	}

	static MucSettings settings(XmppMucProperties properties) {
		if (properties.nickAttempts() < 0) {
			throw new InvalidConfigurationPropertyValueException(XmppMucProperties.PREFIX + ".nick-attempts",
					properties.nickAttempts(), "Must not be negative.");
		}
		XmppComponentProperties.positive(XmppMucProperties.PREFIX + ".join-timeout", properties.joinTimeout());
		if (properties.selfPingInterval().isNegative()) {
			throw new InvalidConfigurationPropertyValueException(XmppMucProperties.PREFIX + ".self-ping-interval",
					properties.selfPingInterval(), "Must not be negative.");
		}
		if (properties.nick().isBlank()) {
			throw new InvalidConfigurationPropertyValueException(XmppMucProperties.PREFIX + ".nick", properties.nick(),
					"Must not be blank.");
		}
		NickConflictStrategy strategy = (properties.nickConflict() == XmppMucProperties.NickConflict.FAIL)
				? NickConflictStrategy.fail() : NickConflictStrategy.suffix(properties.nickAttempts());
		return new MucSettings(strategy, properties.joinTimeout(), properties.selfPingInterval(),
				properties.deliverHistory(), properties.acceptInvitations(), properties.nick());
	}

	static List<RoomSpec> rooms(XmppMucProperties properties, String componentDomain) {
		JID defaultJoinAs = joinAs(XmppMucProperties.PREFIX + ".join-as", properties.joinAs(), componentDomain,
				new JID(null, componentDomain, null, true));
		List<RoomSpec> specs = new ArrayList<>();
		for (int i = 0; i < properties.rooms().size(); i++) {
			XmppMucProperties.Room room = properties.rooms().get(i);
			String prefix = XmppMucProperties.PREFIX + ".rooms[" + i + "]";
			JID jid = roomJid(prefix + ".jid", room.jid());
			String nick = (room.nick() != null) ? room.nick() : properties.nick();
			if (nick.isBlank()) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".nick", nick, "Must not be blank.");
			}
			JID occupant = joinAs(prefix + ".join-as", room.joinAs(), componentDomain, defaultJoinAs);
			RoomSpec spec = new RoomSpec(jid, nick, occupant, room.required(), null);
			if (!room.configuration().isEmpty()) {
				FormBuilder form = FormBuilder.submit("http://jabber.org/protocol/muc#roomconfig");
				for (Map.Entry<String, String> field : room.configuration().entrySet()) {
					form.field(field.getKey(), null, field.getValue());
				}
				spec = spec.configuration(form.build());
			}
			specs.add(spec);
		}
		return specs;
	}

	private static JID roomJid(String property, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"A room needs its bare JID, e.g. lobby@conference.example.com.");
		}
		JID jid;
		try {
			jid = new JID(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value, "Not a valid JID: " + ex.getMessage());
		}
		if (jid.getNode() == null || jid.getResource() != null) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"A room is a bare JID with a local part, e.g. lobby@conference.example.com.");
		}
		return jid;
	}

	private static JID joinAs(String property, @Nullable String value, String componentDomain, JID fallback) {
		if (value == null) {
			return fallback;
		}
		JID jid;
		try {
			jid = new JID(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value, "Not a valid JID: " + ex.getMessage());
		}
		if (!componentDomain.equals(jid.getDomain())) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"Must be an address of the component's domain " + componentDomain + ".");
		}
		return jid;
	}

}
