/*
 * Toetem's page: logs in to the XMPP server with Strophe.js (WebSocket, BOSH as fallback) and plays
 * through the referee with the protocol of docs/protocol/tictactoe.md. Plain DOM, no framework.
 * Elements carry stable ids and data attributes (#login, #join, [data-cell], #status, #games...):
 * the browser test drives them.
 */
(function () {
	'use strict';

	const NS = 'urn:kindling:toetem:0';
	const DISCO_ITEMS = 'http://jabber.org/protocol/disco#items';
	const REFRESH_MS = 2000;
	const IQ_TIMEOUT_MS = 10000;
	const GAMES_SHOWN = 20;
	const WAIT_RETRIES = 5;
	const WAIT_RETRY_MS = 1000;

	const page = {
		config: null,
		connection: null,
		me: null,
		waiting: false,
		game: null,
		watching: false,
		timer: null,
		// Game addresses this client sent directed presence to: the replica owning a game then hears when it goes.
		present: new Set(),
	};

	const $ = (id) => document.getElementById(id);

	function setStatus(text, kind) {
		$('status').textContent = text;
		$('status').dataset.kind = kind || '';
	}

	function log(text) {
		const entry = document.createElement('li');
		entry.textContent = new Date().toLocaleTimeString() + '  ' + text;
		$('log').prepend(entry);
	}

	// ---- configuration and login ----

	async function loadConfig() {
		if (typeof Strophe === 'undefined') {
			setStatus('Strophe.js is missing (vendor/strophe.umd.min.js): the build puts it there with npm', 'error');
			return;
		}
		try {
			const response = await fetch('toetem/config', { headers: { Accept: 'application/json' } });
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			page.config = await response.json();
		}
		catch (ex) {
			setStatus('Could not load toetem/config: ' + ex.message, 'error');
			return;
		}
		const config = page.config;
		if (!config.websocketUrl && !config.boshUrl) {
			setStatus('Not configured: set toetem.web.websocket-url or toetem.web.bosh-url (see docs/toetem.md)', 'error');
			return;
		}
		if (config.demoAccounts.length > 0) {
			const select = $('account');
			config.demoAccounts.forEach((account) => {
				const option = document.createElement('option');
				option.value = account.jid;
				option.textContent = account.jid;
				select.append(option);
			});
			select.addEventListener('change', fillDemoAccount);
			$('demo').hidden = false;
			fillDemoAccount();
		}
		else if (config.domain) {
			$('jid').placeholder = 'you@' + config.domain;
		}
		$('login-form').addEventListener('submit', (event) => {
			event.preventDefault();
			login();
		});
		setStatus('Log in to play against the referee ' + config.referee);
		document.body.dataset.state = 'ready';
	}

	function fillDemoAccount() {
		const account = page.config.demoAccounts.find((candidate) => candidate.jid === $('account').value);
		$('jid').value = account.jid;
		$('password').value = account.password;
	}

	/** The transports to try, in order: WebSocket, then BOSH; ?transport=bosh|websocket picks one. */
	function transports() {
		const wanted = new URLSearchParams(window.location.search).get('transport');
		const all = [];
		if (page.config.websocketUrl && wanted !== 'bosh') {
			all.push({ name: 'WebSocket', url: page.config.websocketUrl });
		}
		if (page.config.boshUrl && wanted !== 'websocket') {
			all.push({ name: 'BOSH', url: page.config.boshUrl });
		}
		return all;
	}

	function login() {
		let jid = $('jid').value.trim();
		if (jid.indexOf('@') < 0 && page.config.domain) {
			jid = jid + '@' + page.config.domain;
		}
		$('login').disabled = true;
		connect(jid, $('password').value, transports(), 0);
	}

	function connect(jid, password, candidates, index) {
		const transport = candidates[index];
		if (!transport) {
			setStatus('Could not connect (tried ' + candidates.map((t) => t.name).join(', ') + ')', 'error');
			$('login').disabled = false;
			return;
		}
		const connection = new Strophe.Connection(transport.url);
		let settled = false;
		// A transport that fails before login is over hands on to the next one, once.
		const failed = (why) => {
			if (settled) {
				return;
			}
			settled = true;
			log(transport.name + ' failed' + (why ? ' (' + why + ')' : '') + (candidates[index + 1] ? ', trying '
				+ candidates[index + 1].name : ''));
			connect(jid, password, candidates, index + 1);
		};
		connection.connect(jid, password, (status, condition) => {
			const S = Strophe.Status;
			if (status === S.CONNECTING) {
				setStatus('Connecting over ' + transport.name + '…');
			}
			else if (status === S.CONNECTED) {
				settled = true;
				connected(connection, transport.name);
			}
			else if (status === S.AUTHFAIL) {
				settled = true;
				setStatus('Login refused: wrong JID or password', 'error');
				$('login').disabled = false;
			}
			else if (status === S.CONNFAIL || status === S.ERROR || status === S.CONNTIMEOUT) {
				if (page.connection === connection) {
					setStatus('Connection lost' + (condition ? ': ' + condition : ''), 'error');
				}
				else {
					failed(condition);
				}
			}
			else if (status === S.DISCONNECTED) {
				if (page.connection === connection) {
					disconnected();
				}
				else {
					failed(condition);
				}
			}
		});
	}

	function connected(connection, transportName) {
		page.connection = connection;
		page.me = Strophe.getBareJidFromJid(connection.jid);
		connection.addHandler(onMessage, null, 'message');
		// XEP-0199: a restarted referee pings the players of the games it resumed.
		connection.addHandler(onPing, 'urn:xmpp:ping', 'iq', 'get');
		// Available to the server, and directed presence to the referee: it tells the referee this
		// client is here, and the server's unavailable presence later tells it the client has gone.
		connection.send($pres());
		connection.send($pres({ to: page.config.referee }));
		$('me').textContent = page.me;
		$('transport').textContent = transportName;
		$('login-panel').hidden = true;
		$('lobby').hidden = false;
		document.body.dataset.state = 'online';
		setStatus('Logged in as ' + page.me + ' over ' + transportName);
		log('Logged in as ' + connection.jid + ' over ' + transportName);
		refresh();
		page.timer = window.setInterval(refresh, REFRESH_MS);
	}

	function onPing(iq) {
		page.connection.send($iq({ type: 'result', to: iq.getAttribute('from'), id: iq.getAttribute('id') }));
		return true;
	}

	function logout() {
		if (page.connection) {
			page.present.forEach((address) => page.connection.send($pres({ to: address, type: 'unavailable' })));
			page.connection.send($pres({ to: page.config.referee, type: 'unavailable' }));
			page.connection.disconnect('logout');
		}
	}

	/**
	 * Directed presence to a game's own address, once: with several referee replicas the one that
	 * owns the game is told when this client goes away (a player forfeits, a spectator stops).
	 */
	function presentTo(game) {
		if (game && game.jid && !page.present.has(game.jid) && page.connection) {
			page.present.add(game.jid);
			page.connection.send($pres({ to: game.jid }));
		}
	}

	function disconnected() {
		window.clearInterval(page.timer);
		page.connection = null;
		page.present.clear();
		page.game = null;
		page.waiting = false;
		page.watching = false;
		// The lists depend on who is logged in (no Play button for yourself): draw them afresh next time.
		delete $('waiting').dataset.key;
		delete $('games').dataset.key;
		$('lobby').hidden = true;
		$('game').hidden = true;
		$('login-panel').hidden = false;
		$('login').disabled = false;
		document.body.dataset.state = 'ready';
		setStatus('Logged out');
	}

	// ---- talking to the referee ----

	/**
	 * Sends an IQ to the referee (the lobby), or to a game's own address for the game's requests;
	 * resolves with the answer, rejects with the error's text. A `wait` error (the referee is still
	 * loading its games, or is busy) is tried again a few times.
	 */
	function request(type, element, attributes, to, attempt) {
		const tries = attempt || 1;
		const address = to || page.config.referee;
		return new Promise((resolve, reject) => {
			const iq = $iq({ type: type, to: address }).c(element, attributes);
			page.connection.sendIQ(iq, resolve, (answer) => {
				const error = answer && answer.getElementsByTagName('error')[0];
				if (error && error.getAttribute('type') === 'wait' && tries < WAIT_RETRIES) {
					setTimeout(() => request(type, element, attributes, address, tries + 1).then(resolve, reject), WAIT_RETRY_MS);
					return;
				}
				reject(new Error(errorText(answer)));
			}, IQ_TIMEOUT_MS);
		});
	}

	/** A game's address: from its state, or (for a game seen only in the list) the item's jid. */
	function addressOf(game) {
		return game.jid || (game.id + '@' + page.config.referee);
	}

	function errorText(answer) {
		if (!answer) {
			return 'no answer from ' + page.config.referee;
		}
		const error = answer.getElementsByTagName('error')[0];
		if (!error) {
			return 'error';
		}
		const text = error.getElementsByTagName('text')[0];
		const condition = Array.from(error.children).find((child) => child.tagName !== 'text');
		return (condition ? condition.tagName : 'error') + (text ? ': ' + text.textContent : '');
	}

	function gameOf(stanza) {
		const element = stanza && stanza.getElementsByTagNameNS(NS, 'game')[0];
		if (!element) {
			return null;
		}
		const game = {};
		['id', 'x', 'o', 'board', 'status', 'turn', 'winner', 'resigned', 'forfeited', 'room', 'jid']
			.forEach((name) => { game[name] = element.getAttribute(name); });
		return game;
	}

	function discoItems(node) {
		return new Promise((resolve, reject) => {
			const iq = $iq({ type: 'get', to: page.config.referee }).c('query', node ? { xmlns: DISCO_ITEMS, node: node }
				: { xmlns: DISCO_ITEMS });
			page.connection.sendIQ(iq, (answer) => resolve(Array.from(answer.getElementsByTagName('item'))),
				(answer) => reject(new Error(errorText(answer))), IQ_TIMEOUT_MS);
		});
	}

	function refresh() {
		if (!page.connection) {
			return;
		}
		discoItems('waiting').then(showWaiting, (ex) => setStatus('Waiting list: ' + ex.message, 'error'));
		discoItems(null).then(showGames, (ex) => setStatus('Games: ' + ex.message, 'error'));
	}

	/** Replaces a list's entries only when they changed, so a button does not vanish under the pointer. */
	function unchanged(list, key) {
		if (list.dataset.key === key) {
			return true;
		}
		list.dataset.key = key;
		list.replaceChildren();
		return false;
	}

	function showWaiting(items) {
		const list = $('waiting');
		const players = items.map((item) => item.getAttribute('jid'));
		page.waiting = players.indexOf(page.me) >= 0;
		$('join').hidden = page.waiting;
		$('leave').hidden = !page.waiting;
		if (unchanged(list, players.join(' '))) {
			return;
		}
		players.forEach((player) => {
			const entry = document.createElement('li');
			entry.dataset.jid = player;
			entry.textContent = player;
			if (player === page.me) {
				entry.append(' (you)');
			}
			else {
				entry.append(button('Play', { opponent: player }, () => start(player)));
			}
			list.append(entry);
		});
		if (players.length === 0) {
			list.innerHTML = '<li class="empty">Nobody is waiting. Join, and wait for someone to start a game with you.</li>';
		}
	}

	/** A button with the given data attributes (the browser test finds it by them). */
	function button(label, data, onClick) {
		const element = document.createElement('button');
		element.type = 'button';
		Object.assign(element.dataset, data);
		element.textContent = label;
		element.addEventListener('click', onClick);
		return element;
	}

	function showGames(items) {
		const list = $('games');
		const shown = items.slice(-GAMES_SHOWN).reverse();
		if (unchanged(list, shown.map((item) => item.getAttribute('node') + '=' + item.getAttribute('name')).join(' '))) {
			return;
		}
		shown.forEach((item) => {
			const id = item.getAttribute('node');
			const name = item.getAttribute('name') || id;
			const entry = document.createElement('li');
			entry.dataset.game = id;
			const jid = item.getAttribute('jid');
			entry.textContent = id + ': ' + name;
			// The referee names a game 'x vs o: status'; nobody watches their own game.
			const players = name.split(': ')[0].split(' vs ');
			if (players.indexOf(page.me) < 0) {
				entry.append(button('Watch', { watch: id }, () => watchGame({ id: id, jid: jid })));
			}
			list.append(entry);
		});
		if (shown.length === 0) {
			list.innerHTML = '<li class="empty">No games yet.</li>';
		}
	}

	function join() {
		request('set', 'join', { xmlns: NS }).then(() => {
			log('Joined the waiting list');
			refresh();
		}, (ex) => setStatus('Join: ' + ex.message, 'error'));
	}

	function leave() {
		request('set', 'leave', { xmlns: NS }).then(() => {
			log('Left the waiting list');
			refresh();
		}, (ex) => setStatus('Leave: ' + ex.message, 'error'));
	}

	function start(opponent) {
		request('set', 'start', { xmlns: NS, opponent: opponent }).then((answer) => {
			stopWatching();
			const game = gameOf(answer);
			presentTo(game);
			show(game);
			refresh();
		}, (ex) => setStatus('Start: ' + ex.message, 'error'));
	}

	// A game's requests go to the game's own address, where the referee replica that owns it answers.
	function move(cell) {
		request('set', 'move', { xmlns: NS, cell: String(cell) }, addressOf(page.game))
			.then((answer) => show(gameOf(answer)), (ex) => setStatus('Move: ' + ex.message, 'error'));
	}

	function resign() {
		request('set', 'resign', { xmlns: NS }, addressOf(page.game))
			.then((answer) => show(gameOf(answer)), (ex) => setStatus('Resign: ' + ex.message, 'error'));
	}

	function watchGame(listed) {
		stopWatching();
		request('set', 'watch', { xmlns: NS }, addressOf(listed)).then((answer) => {
			page.watching = true;
			log('Watching ' + listed.id);
			const game = gameOf(answer);
			presentTo(game);
			show(game);
		}, (ex) => setStatus('Watch ' + listed.id + ': ' + ex.message, 'error'));
	}

	/** Stops watching the game shown, if it is watched; the referee then sends no more of its events. */
	function stopWatching() {
		if (page.watching && page.game) {
			const id = page.game.id;
			request('set', 'unwatch', { xmlns: NS }, addressOf(page.game))
				.then(() => log('Stopped watching ' + id), (ex) => log('Unwatch ' + id + ': ' + ex.message));
		}
		page.watching = false;
	}

	/** Events: every change of a game this client plays or watches, as the referee's message. */
	function onMessage(message) {
		const game = gameOf(message);
		if (game) {
			const body = message.getElementsByTagName('body')[0];
			// The body's first line is the referee's summary; the board below it is on the page already.
			log(body ? body.textContent.split('\n')[0] : 'Game ' + game.id + ': ' + game.status);
			const mine = game.x === page.me || game.o === page.me;
			if ((page.game && page.game.id === game.id) || (mine && game.status === 'playing')) {
				if (mine && page.watching && page.game.id !== game.id) {
					stopWatching();
				}
				if (mine) {
					presentTo(game);
				}
				show(game);
			}
		}
		return true;
	}

	// ---- the board ----

	function show(game) {
		if (!game) {
			return;
		}
		page.game = game;
		const mark = game.x === page.me ? 'x' : (game.o === page.me ? 'o' : null);
		const playing = game.status === 'playing';
		const myTurn = playing && mark !== null && game.turn === mark;
		const section = $('game');
		section.hidden = false;
		section.dataset.game = game.id;
		// The game's own address: where the page sends its moves (docs/protocol/tictactoe.md, section 1).
		section.dataset.jid = game.jid || '';
		section.dataset.status = game.status;
		section.dataset.role = mark ? mark : 'spectator';
		$('game-id').textContent = game.id;
		$('role').textContent = mark ? '(you play ' + mark.toUpperCase() + ')' : '(watching)';
		$('players').textContent = 'X: ' + game.x + '   O: ' + game.o;
		Array.from($('board').children).forEach((cell, index) => {
			const value = game.board.charAt(index);
			cell.textContent = value === '-' ? '' : value;
			cell.dataset.mark = value === '-' ? '' : value;
			cell.disabled = !(myTurn && value === '-');
		});
		const toMove = game.turn === 'x' ? game.x : game.o;
		$('turn').textContent = !playing ? 'Game over'
			: (myTurn ? 'Your move (' + mark.toUpperCase() + ')' : toMove + ' (' + game.turn.toUpperCase() + ') to move');
		$('result').textContent = playing ? '' : result(game);
		section.dataset.outcome = playing || !mark ? '' : outcome(game, mark);
		$('room').hidden = !game.room;
		$('room').textContent = game.room ? 'Chat room: ' + game.room : '';
		$('resign').hidden = !(playing && mark);
		$('unwatch').hidden = !page.watching;
		setStatus(playing ? $('turn').textContent : 'Game ' + game.id + ': ' + result(game));
	}

	function result(game) {
		if (game.status === 'draw') {
			return 'Draw';
		}
		const winner = game.status === 'x-won' ? 'x' : 'o';
		const how = game.forfeited ? ' by forfeit' : (game.resigned ? ' by resignation' : '');
		return game[winner] + ' (' + winner.toUpperCase() + ') wins' + how;
	}

	function outcome(game, mark) {
		if (game.status === 'draw') {
			return 'draw';
		}
		return game.status === mark + '-won' ? 'won' : 'lost';
	}

	document.addEventListener('DOMContentLoaded', () => {
		$('board').addEventListener('click', (event) => {
			const cell = event.target.closest('[data-cell]');
			if (cell && !cell.disabled && page.game) {
				move(Number(cell.dataset.cell));
			}
		});
		$('join').addEventListener('click', join);
		$('leave').addEventListener('click', leave);
		$('refresh').addEventListener('click', refresh);
		$('logout').addEventListener('click', logout);
		$('resign').addEventListener('click', resign);
		$('unwatch').addEventListener('click', () => {
			stopWatching();
			$('unwatch').hidden = true;
			$('game').hidden = true;
			page.game = null;
		});
		window.addEventListener('beforeunload', logout);
		loadConfig();
	});
}());
