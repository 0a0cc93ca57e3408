-- Kindling: logs one line once Prosody has loaded every host and opened every listener.
-- ProsodyServer (dev.kindling.devserver) waits for this line: open ports alone do not mean that
-- the MUC and pubsub components are loaded, as hosts load in no fixed order.
module:set_global();

module:hook_global("server-started", function ()
	module:log("info", "Kindling: Prosody is ready");
end);
