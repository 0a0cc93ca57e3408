-- Kindling: a hand-over without loss for an XEP-0114 component on Prosody 0.12.
--
-- Load it on the component's host:
--
--   plugin_paths = { "/etc/prosody/kindling-plugins" }  -- the directory holding this file
--   Component "bot.example.com"
--       component_secret = "..."
--       modules_enabled = { "kindling_handover" }
--
-- XEP-0114 has no way for a component to say "stop routing to me": Prosody writes to the old
-- session until it reads that session's </stream:stream>, and whatever it routes in between is
-- lost. With this module a component that is about to leave sends
--
--   <iq type='set' from='bot.example.com' to='bot.example.com' id='...'>
--     <drain xmlns='urn:kindling:handover:0'/>
--   </iq>
--
-- From then on, stanzas for the component's domain are HELD here, in order, instead of being
-- written to the session; the IQ's result is written to the session after everything routed
-- before it, so once the component reads the result nothing more will come on that stream. When
-- a session authenticates for the domain again (the new instance), the held stanzas are delivered
-- to it in order. The hold is bounded: beyond kindling_handover_max_stanzas (default 10000)
-- stanzas, or kindling_handover_max_seconds (default 10) after the hold began, stanzas are
-- bounced with remote-server-timeout (type wait), as Prosody does when no component is connected.
-- A session that leaves without asking changes nothing.

local st = require "util.stanza";

local xmlns_handover = "urn:kindling:handover:0";

local max_stanzas = module:get_option_number("kindling_handover_max_stanzas", 10000);
local max_seconds = module:get_option_number("kindling_handover_max_seconds", 10);

local BOUNCE_TEXT = "Component restarting, try again";

-- The hold: nil when stanzas flow as usual, else { stanzas = {...}, started = time, timer = handle }.
local hold = nil;

local function bounce(stanza, text)
	local kind = stanza.attr.type;
	if kind == "error" or kind == "result" then
		return; -- never answer an answer
	end
	module:send(st.error_reply(stanza, "wait", "remote-server-timeout", text, module.host));
end

-- Ends the hold and bounces what it held: nobody took the domain over in time.
local function expire(current)
	if hold ~= current then
		return; -- already delivered to a new session
	end
	hold = nil;
	module:log("info", "Hand-over of %s: no new session within %ds; bouncing %d held stanzas", module.host,
		max_seconds, #current.stanzas);
	for _, stanza in ipairs(current.stanzas) do
		bounce(stanza, BOUNCE_TEXT .. " (no new session in time)");
	end
end

-- Hooked above mod_component's delivery (priority -1): holds each stanza while a hold is on.
-- Without a hold it returns nothing, so the stanza goes on to mod_component as usual.
local function hold_stanza(event)
	local current = hold;
	if not current then
		return;
	end
	local stanza = event.stanza;
	if #current.stanzas >= max_stanzas then
		module:log("debug", "Hand-over of %s: hold full (%d stanzas), bouncing %s", module.host, max_stanzas,
			stanza:top_tag());
		bounce(stanza, BOUNCE_TEXT .. " (too many held stanzas)");
		return true;
	end
	current.stanzas[#current.stanzas + 1] = st.clone(stanza);
	return true;
end

for _, kind in ipairs({ "iq", "message", "presence" }) do
	for _, to in ipairs({ "bare", "full", "host" }) do
		module:hook(kind .. "/" .. to, hold_stanza, 0);
	end
end

-- The component asks for the hold. Hooked above hold_stanza so a repeated ask is answered too.
module:hook("iq/host", function (event)
	local origin, stanza = event.origin, event.stanza;
	if stanza.attr.type ~= "set" then
		return;
	end
	local drain = stanza.tags[1];
	if not drain or drain.name ~= "drain" or drain.attr.xmlns ~= xmlns_handover then
		return;
	end
	if origin.type ~= "component" or origin.host ~= module.host then
		origin.send(st.error_reply(stanza, "auth", "forbidden", "Only the component itself may ask for a hold"));
		return true;
	end
	if not hold then
		local current = { stanzas = {}, started = os.time() };
		hold = current;
		current.timer = module:add_timer(max_seconds, function ()
			expire(current);
		end);
		module:log("info", "Hand-over of %s: the component asked to leave; holding its stanzas (up to %d, for %ds)",
			module.host, max_stanzas, max_seconds);
	end
	-- Written after every stanza routed to this session before the hold: the component knows that
	-- nothing more comes on this stream.
	origin.send(st.reply(stanza));
	return true;
end, 10);

-- A session took the domain (back) over: deliver what was held, in order, before anything new.
module:hook("component-authenticated", function (event)
	local current = hold;
	if not current then
		return;
	end
	hold = nil;
	if current.timer then
		current.timer:stop();
	end
	local session = event.session;
	module:log("info", "Hand-over of %s: a new session took over; delivering %d held stanzas", module.host,
		#current.stanzas);
	for _, stanza in ipairs(current.stanzas) do
		stanza.attr.xmlns = nil;
		session.send(stanza);
	end
end);

module:hook_global("server-stopping", function ()
	local current = hold;
	if current then
		hold = nil;
		for _, stanza in ipairs(current.stanzas) do
			bounce(stanza, BOUNCE_TEXT .. " (server stopping)");
		end
	end
end);
