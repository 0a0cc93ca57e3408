package dev.kindling.bench.jmh;

import dev.kindling.handler.Body;
import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

/** 97 message handlers a command bot might have: half by recipient, half by body pattern (generated). */
public class ManyHandlers {

	@OnMessage(type = MessageType.CHAT, to = "svc0")
	public String svc0(@Body String body) {
		return "svc0 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc1")
	public String svc1(@Body String body) {
		return "svc1 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc2")
	public String svc2(@Body String body) {
		return "svc2 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc3")
	public String svc3(@Body String body) {
		return "svc3 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc4")
	public String svc4(@Body String body) {
		return "svc4 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc5")
	public String svc5(@Body String body) {
		return "svc5 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc6")
	public String svc6(@Body String body) {
		return "svc6 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc7")
	public String svc7(@Body String body) {
		return "svc7 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc8")
	public String svc8(@Body String body) {
		return "svc8 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc9")
	public String svc9(@Body String body) {
		return "svc9 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc10")
	public String svc10(@Body String body) {
		return "svc10 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc11")
	public String svc11(@Body String body) {
		return "svc11 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc12")
	public String svc12(@Body String body) {
		return "svc12 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc13")
	public String svc13(@Body String body) {
		return "svc13 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc14")
	public String svc14(@Body String body) {
		return "svc14 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc15")
	public String svc15(@Body String body) {
		return "svc15 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc16")
	public String svc16(@Body String body) {
		return "svc16 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc17")
	public String svc17(@Body String body) {
		return "svc17 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc18")
	public String svc18(@Body String body) {
		return "svc18 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc19")
	public String svc19(@Body String body) {
		return "svc19 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc20")
	public String svc20(@Body String body) {
		return "svc20 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc21")
	public String svc21(@Body String body) {
		return "svc21 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc22")
	public String svc22(@Body String body) {
		return "svc22 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc23")
	public String svc23(@Body String body) {
		return "svc23 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc24")
	public String svc24(@Body String body) {
		return "svc24 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc25")
	public String svc25(@Body String body) {
		return "svc25 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc26")
	public String svc26(@Body String body) {
		return "svc26 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc27")
	public String svc27(@Body String body) {
		return "svc27 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc28")
	public String svc28(@Body String body) {
		return "svc28 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc29")
	public String svc29(@Body String body) {
		return "svc29 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc30")
	public String svc30(@Body String body) {
		return "svc30 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc31")
	public String svc31(@Body String body) {
		return "svc31 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc32")
	public String svc32(@Body String body) {
		return "svc32 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc33")
	public String svc33(@Body String body) {
		return "svc33 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc34")
	public String svc34(@Body String body) {
		return "svc34 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc35")
	public String svc35(@Body String body) {
		return "svc35 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc36")
	public String svc36(@Body String body) {
		return "svc36 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc37")
	public String svc37(@Body String body) {
		return "svc37 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc38")
	public String svc38(@Body String body) {
		return "svc38 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc39")
	public String svc39(@Body String body) {
		return "svc39 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc40")
	public String svc40(@Body String body) {
		return "svc40 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc41")
	public String svc41(@Body String body) {
		return "svc41 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc42")
	public String svc42(@Body String body) {
		return "svc42 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc43")
	public String svc43(@Body String body) {
		return "svc43 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc44")
	public String svc44(@Body String body) {
		return "svc44 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc45")
	public String svc45(@Body String body) {
		return "svc45 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc46")
	public String svc46(@Body String body) {
		return "svc46 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc47")
	public String svc47(@Body String body) {
		return "svc47 " + body;
	}

	@OnMessage(type = MessageType.CHAT, to = "svc48")
	public String svc48(@Body String body) {
		return "svc48 " + body;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd0 (?<arg>\\w+)")
	public String cmd0(@Match("arg") String arg) {
		return "cmd0 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd1 (?<arg>\\w+)")
	public String cmd1(@Match("arg") String arg) {
		return "cmd1 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd2 (?<arg>\\w+)")
	public String cmd2(@Match("arg") String arg) {
		return "cmd2 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd3 (?<arg>\\w+)")
	public String cmd3(@Match("arg") String arg) {
		return "cmd3 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd4 (?<arg>\\w+)")
	public String cmd4(@Match("arg") String arg) {
		return "cmd4 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd5 (?<arg>\\w+)")
	public String cmd5(@Match("arg") String arg) {
		return "cmd5 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd6 (?<arg>\\w+)")
	public String cmd6(@Match("arg") String arg) {
		return "cmd6 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd7 (?<arg>\\w+)")
	public String cmd7(@Match("arg") String arg) {
		return "cmd7 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd8 (?<arg>\\w+)")
	public String cmd8(@Match("arg") String arg) {
		return "cmd8 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd9 (?<arg>\\w+)")
	public String cmd9(@Match("arg") String arg) {
		return "cmd9 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd10 (?<arg>\\w+)")
	public String cmd10(@Match("arg") String arg) {
		return "cmd10 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd11 (?<arg>\\w+)")
	public String cmd11(@Match("arg") String arg) {
		return "cmd11 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd12 (?<arg>\\w+)")
	public String cmd12(@Match("arg") String arg) {
		return "cmd12 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd13 (?<arg>\\w+)")
	public String cmd13(@Match("arg") String arg) {
		return "cmd13 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd14 (?<arg>\\w+)")
	public String cmd14(@Match("arg") String arg) {
		return "cmd14 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd15 (?<arg>\\w+)")
	public String cmd15(@Match("arg") String arg) {
		return "cmd15 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd16 (?<arg>\\w+)")
	public String cmd16(@Match("arg") String arg) {
		return "cmd16 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd17 (?<arg>\\w+)")
	public String cmd17(@Match("arg") String arg) {
		return "cmd17 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd18 (?<arg>\\w+)")
	public String cmd18(@Match("arg") String arg) {
		return "cmd18 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd19 (?<arg>\\w+)")
	public String cmd19(@Match("arg") String arg) {
		return "cmd19 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd20 (?<arg>\\w+)")
	public String cmd20(@Match("arg") String arg) {
		return "cmd20 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd21 (?<arg>\\w+)")
	public String cmd21(@Match("arg") String arg) {
		return "cmd21 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd22 (?<arg>\\w+)")
	public String cmd22(@Match("arg") String arg) {
		return "cmd22 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd23 (?<arg>\\w+)")
	public String cmd23(@Match("arg") String arg) {
		return "cmd23 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd24 (?<arg>\\w+)")
	public String cmd24(@Match("arg") String arg) {
		return "cmd24 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd25 (?<arg>\\w+)")
	public String cmd25(@Match("arg") String arg) {
		return "cmd25 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd26 (?<arg>\\w+)")
	public String cmd26(@Match("arg") String arg) {
		return "cmd26 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd27 (?<arg>\\w+)")
	public String cmd27(@Match("arg") String arg) {
		return "cmd27 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd28 (?<arg>\\w+)")
	public String cmd28(@Match("arg") String arg) {
		return "cmd28 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd29 (?<arg>\\w+)")
	public String cmd29(@Match("arg") String arg) {
		return "cmd29 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd30 (?<arg>\\w+)")
	public String cmd30(@Match("arg") String arg) {
		return "cmd30 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd31 (?<arg>\\w+)")
	public String cmd31(@Match("arg") String arg) {
		return "cmd31 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd32 (?<arg>\\w+)")
	public String cmd32(@Match("arg") String arg) {
		return "cmd32 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd33 (?<arg>\\w+)")
	public String cmd33(@Match("arg") String arg) {
		return "cmd33 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd34 (?<arg>\\w+)")
	public String cmd34(@Match("arg") String arg) {
		return "cmd34 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd35 (?<arg>\\w+)")
	public String cmd35(@Match("arg") String arg) {
		return "cmd35 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd36 (?<arg>\\w+)")
	public String cmd36(@Match("arg") String arg) {
		return "cmd36 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd37 (?<arg>\\w+)")
	public String cmd37(@Match("arg") String arg) {
		return "cmd37 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd38 (?<arg>\\w+)")
	public String cmd38(@Match("arg") String arg) {
		return "cmd38 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd39 (?<arg>\\w+)")
	public String cmd39(@Match("arg") String arg) {
		return "cmd39 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd40 (?<arg>\\w+)")
	public String cmd40(@Match("arg") String arg) {
		return "cmd40 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd41 (?<arg>\\w+)")
	public String cmd41(@Match("arg") String arg) {
		return "cmd41 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd42 (?<arg>\\w+)")
	public String cmd42(@Match("arg") String arg) {
		return "cmd42 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd43 (?<arg>\\w+)")
	public String cmd43(@Match("arg") String arg) {
		return "cmd43 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd44 (?<arg>\\w+)")
	public String cmd44(@Match("arg") String arg) {
		return "cmd44 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd45 (?<arg>\\w+)")
	public String cmd45(@Match("arg") String arg) {
		return "cmd45 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd46 (?<arg>\\w+)")
	public String cmd46(@Match("arg") String arg) {
		return "cmd46 " + arg;
	}

	@OnMessage(type = MessageType.CHAT, body = "!cmd47 (?<arg>\\w+)")
	public String cmd47(@Match("arg") String arg) {
		return "cmd47 " + arg;
	}

}
