package dev.kindling.test.autoconfigure.docs.errors;

// tag::page[]
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.handler.From;
import dev.kindling.handler.IqType;
import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.XmppExceptionHandler;

@Component
class ScoreHandlers {

    private final Map<String, Integer> scores = new ConcurrentHashMap<>();

    @OnMessage(type = MessageType.CHAT, body = "!score (?<points>\\d{1,9})")
    String score(@From JID player, @Match("points") int points) {
        if (points > 100) {
            throw new ScoreTooHighException(points);                  // answered by tooHigh below
        }
        scores.put(player.toBareJID(), points);
        return "ok";
    }

    @OnIq(namespace = "urn:example:score", element = "score", type = IqType.GET)
    Score score(@From JID player) {
        Integer points = scores.get(player.toBareJID());
        if (points == null) {
            throw new UnknownPlayerException(player.toBareJID());     // answered by PlayerAdvice
        }
        return new Score(points);
    }

    @XmppExceptionHandler                                             // this bean's own, tried first
    String tooHigh(ScoreTooHighException ex) {
        return "At most 100, not " + ex.points();                     // a reply in the conversation
    }
}
// end::page[]
