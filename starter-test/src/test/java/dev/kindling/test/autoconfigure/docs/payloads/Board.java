package dev.kindling.test.autoconfigure.docs.payloads;

// tag::message[]
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.payload.XmppPayload;

@XmppPayload(namespace = "urn:example:move", element = "move")
record Move(int cell) {
}

// end::message[]
class Board {

	// tag::message[]
	@OnMessage(type = MessageType.NORMAL, extension = "urn:example:move")
	Move play(Move move) { return answer(move); }
	// end::message[]

	private Move answer(Move move) {
		return new Move((move.cell() + 4) % 9);
	}

}
