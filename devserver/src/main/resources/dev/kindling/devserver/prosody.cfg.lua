-- Kindling dev/test server configuration for Prosody 0.12, rendered by
-- dev.kindling.devserver.ProsodyServer into a throw-away directory.
-- Placeholders are replaced with Lua literals: strings arrive quoted and escaped, ports as numbers.
-- Loopback only, no TLS, no server-to-server; everything lives under one directory.

-- Stay on the current user, root included (containers, CI). Without this mod_posix refuses to run
-- as root, and prosodyctl (used to register users) would switch to the 'prosody' user, which cannot
-- read our private directory. For a non-root user the option changes nothing.
run_as_root = true
pidfile = ${pidFile}
data_path = ${dataPath}
-- An empty directory: keeps the certificate manager away from /etc/prosody/certs.
certificates = ${certificates}

interfaces = { "127.0.0.1" }
c2s_interfaces = { "127.0.0.1" }
component_interfaces = { "127.0.0.1" }
http_interfaces = { "127.0.0.1" }
c2s_ports = { ${c2sPort} }
component_ports = { ${componentPort} }
http_ports = { ${httpPort} }
c2s_direct_tls_ports = { }
https_ports = { }
s2s_ports = { }

-- Plain connections on loopback: authentication and in-band registration without TLS.
c2s_require_encryption = false
s2s_require_encryption = false
allow_unencrypted_plain_auth = true -- offer PLAIN next to SCRAM-SHA-1
authentication = "internal_plain"   -- no key derivation: fast registration and login
storage = "internal"                -- files under data_path
allow_registration = true           -- XEP-0077; 127.0.0.1 is allowlisted by the registration limits
consider_bosh_secure = true
consider_websocket_secure = true

-- mod_kindling_ready logs when every host is loaded; ProsodyServer.start() waits for that line.
-- mod_kindling_handover is loaded on the bot's component host (below).
plugin_paths = { ${pluginPath} }

-- mod_tls is not loaded, so no certificates are needed.
modules_enabled = {
	"kindling_ready";
	"roster"; "saslauth"; "disco"; "ping"; "register"; "version"; "time"; "uptime";
	"posix";                -- pidfile, graceful shutdown on SIGTERM
	"bosh"; "websocket";    -- /http-bind and /xmpp-websocket on the http port
}
-- No offline storage: a message to an offline user bounces with service-unavailable right away.
modules_disabled = { "offline"; "s2s"; "s2s_auth_certs" }

log = {
	{ levels = { min = ${logLevel} }, to = "file", filename = ${logFile} };
	-- stdout, captured in prosody.out: ProsodyServer reads it (info and up, whatever the file's
	-- level) for the line of mod_kindling_ready and for ports that could not be opened.
	{ levels = { min = "info" }, to = "console" };
}

VirtualHost ${domain}

-- The bot: an XEP-0114 external component.
Component ${componentDomain}
	component_secret = ${componentSecret}
	-- kick_new (Prosody's default): a second connection for the same domain is refused with
	-- <conflict/> and the first one stays; Kindling's newcomer stands by until the domain is free.
	-- kick_old: the newcomer wins and the first one is closed with <conflict/> (Kindling's stays down).
	component_conflict_resolve = ${conflictResolve}
	-- mod_kindling_handover (ProsodyOptions.withHandover, on by default): a draining instance asks
	-- the server to hold the domain's stanzas and the next instance gets them, so a planned
	-- hand-over loses nothing.
	modules_enabled = ${componentModules}

Component ${mucDomain} "muc"
	-- Rooms are usable at once; otherwise a new room stays locked until its owner configures it.
	muc_room_locking = false
	muc_room_default_public = true
	muc_room_default_persistent = false

Component ${pubsubDomain} "pubsub"
	-- In 0.12 only admins may create nodes; the match is on the bare 'from', so the component
	-- domain itself (not user@component) is the admin.
	admins = { ${componentDomain} }
	pubsub_max_items = 256
