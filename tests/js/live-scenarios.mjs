// The live scenarios of the exchange's integration tests. Usage: node live-scenarios.mjs <scenario> <json>
// Prints one JSON line of observations; the C# test asserts on them.
import { connect, join, post, waitFor, sleep } from "./live-client.mjs";

const [scenario, json] = process.argv.slice(2);
const { baseUrl, otherUrl, spaceId, channelId, users, ownSpaceId, calls, stoppingPid } = JSON.parse(json);
const report = (result) => console.log(JSON.stringify(result));

/**
 * User b, joined live, is dropped by <actor>'s DELETE of <path> under the space: how soon b's connection was told, what it
 * received after A posted <after>, what its own post and a rejoin answered.
 */
async function droppedBy(actor, path, after) {
  let revokedAt = 0;
  const b = await connect(baseUrl, users.b.token, { onRevoked: () => (revokedAt = performance.now()) });
  await join(b, spaceId);
  const start = performance.now();
  const response = await fetch(`${baseUrl}/api/${actor.tenant}/exchange/spaces/${spaceId}${path}`, { method: "DELETE", headers: { Authorization: `Bearer ${actor.token}` } });
  while (!revokedAt && performance.now() - start < 5000) await sleep(20);
  const countAtRevoke = b.feed.received.length;
  await post(baseUrl, users.a, spaceId, channelId, after);
  await sleep(1000);
  const byB = await postStatus(users.b, "Still here?");
  let rejoin = null;
  try {
    await b.connection.invoke("JoinSpace", spaceId, 0);
  } catch (error) {
    rejoin = String(error.message);
  }
  await b.connection.stop();
  return { status: response.status, revokedAfterMs: revokedAt ? revokedAt - start : null, receivedAfter: b.feed.received.length - countAtRevoke, postStatus: byB, rejoin };
}

/** The status of a post by <user> in the scenario's channel, whatever it is. */
async function postStatus(user, body) {
  const response = await fetch(`${baseUrl}/api/${user.tenant}/exchange/spaces/${spaceId}/channels/${channelId}/posts`, {
    method: "POST",
    headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ body }),
  });
  return response.status;
}

const scenarios = {
  // Two users of two tenants see each other's posts live.
  async twoTenants() {
    const a = await connect(baseUrl, users.a.token);
    const b = await connect(baseUrl, users.b.token);
    await join(a, spaceId);
    const online = await join(b, spaceId);
    const fromA = await post(baseUrl, users.a, spaceId, channelId, "Hello from A");
    const seenByB = await waitFor(b.feed, (e) => e.type === "post.created" && e.data.id === fromA.id);
    const fromB = await post(baseUrl, users.b, spaceId, channelId, "Hello back from **B**");
    const seenByA = await waitFor(a.feed, (e) => e.type === "post.created" && e.data.id === fromB.id);
    const presence = a.feed.ephemeral.filter((e) => e.type === "presence").map((e) => e.data.tenantName);
    await Promise.all([a.connection.stop(), b.connection.stop()]);
    report({ seenByB: seenByB.data, seenByA: seenByA.data, online: online.map((u) => u.tenantName), presence });
  },

  // A third tenant's user cannot join the space, by its id or a guessed one, and receives nothing.
  async stranger() {
    const c = await connect(baseUrl, users.c.token);
    const errors = [];
    for (const id of [spaceId, crypto.randomUUID()]) {
      try {
        await c.connection.invoke("JoinSpace", id, 0);
        errors.push(null);
      } catch (error) {
        errors.push(String(error.message));
      }
    }
    let typing = null;
    try {
      await c.connection.invoke("Typing", spaceId, channelId);
    } catch (error) {
      typing = String(error.message);
    }
    await post(baseUrl, users.a, spaceId, channelId, "Not for C");
    await sleep(1000);
    const received = c.feed.received.length + c.feed.ephemeral.length;
    await c.connection.stop();
    report({ errors, typing, received });
  },

  // The hub matrix: c, joined to a space of its own, invokes every call it is given (each naming the space c has no part in);
  // b, a member of that space, watches. What each call answered, what of that space reached c, what of c reached b.
  async matrix() {
    const b = await connect(baseUrl, users.b.token);
    await join(b, spaceId);
    const c = await connect(baseUrl, users.c.token);
    await join(c, ownSpaceId);
    const answers = [];
    for (const { method, args } of calls) {
      try {
        answers.push({ method, args, result: (await c.connection.invoke(method, ...args)) ?? null });
      } catch (error) {
        answers.push({ method, args, error: String(error.message) });
      }
    }
    const last = await post(baseUrl, users.a, spaceId, channelId, "Not for C");
    await waitFor(b.feed, (e) => e.type === "post.created" && e.data.id === last.id);
    await sleep(500);
    const reachedC = [...c.feed.received, ...c.feed.ephemeral].filter((e) => e.spaceId !== ownSpaceId);
    const fromC = [...b.feed.received, ...b.feed.ephemeral].filter((e) => JSON.stringify(e).includes(users.c.id));
    const connected = c.connection.state;
    await Promise.all([b.connection.stop(), c.connection.stop()]);
    report({ answers, reachedC, fromC, connected });
  },

  // A client that disconnects, misses 50 posts and reconnects with its last sequence receives exactly those 50, in order.
  async reconnect() {
    const b = await connect(baseUrl, users.b.token);
    await join(b, spaceId, 0);
    const before = b.feed.lastSequence;
    await b.connection.stop();
    const sent = [];
    for (let i = 1; i <= 50; i++) sent.push((await post(baseUrl, users.a, spaceId, channelId, `missed ${i}`)).id);
    const again = await connect(otherUrl ?? baseUrl, users.b.token);
    await join(again, spaceId, before);
    const replayed = again.feed.received;
    await again.connection.stop();
    report({ sent, received: replayed.map((e) => e.data.id), sequences: replayed.map((e) => e.sequence), types: [...new Set(replayed.map((e) => e.type))] });
  },

  // A user whose delegation is revoked is dropped from the space at once and receives nothing after.
  async revoked() {
    report(await droppedBy(users.manager, `/delegates/${users.b.id}`, "After the revocation"));
  },

  // The host removes a member tenant: its delegate's open connection is told at once, receives nothing after, posts nothing, cannot rejoin.
  async removed() {
    report(await droppedBy(users.a, `/members/${users.b.tenantId}`, "After the removal"));
  },

  // The host archives the space: a member's open page is told live, and posts nothing until it is reopened.
  async archived() {
    const b = await connect(baseUrl, users.b.token);
    await join(b, spaceId);
    const archive = await fetch(`${baseUrl}/api/${users.a.tenant}/exchange/spaces/${spaceId}/archive`, { method: "POST", headers: { Authorization: `Bearer ${users.a.token}` } });
    const told = await waitFor(b.feed, (e) => e.type === "space.archived");
    const whileArchived = await postStatus(users.b, "Anyone?");
    const reopen = await fetch(`${baseUrl}/api/${users.a.tenant}/exchange/spaces/${spaceId}/reopen`, { method: "POST", headers: { Authorization: `Bearer ${users.a.token}` } });
    const reopened = await waitFor(b.feed, (e) => e.type === "space.reopened");
    const afterReopening = await postStatus(users.b, "Back again");
    await b.connection.stop();
    report({ archiveStatus: archive.status, told: told.type, whileArchived, reopenStatus: reopen.status, reopened: reopened.type, afterReopening });
  },

  // A user who signs out (anywhere) is dropped from every space at once and receives nothing after.
  async signedOut() {
    let revokedAt = 0;
    const b = await connect(baseUrl, users.b.token, { onRevoked: () => (revokedAt = performance.now()) });
    await join(b, spaceId);
    const start = performance.now();
    const response = await fetch(`${baseUrl}/api/auth/logout`, { method: "POST", headers: { Authorization: `Bearer ${users.b.token}` } });
    const signOutStatus = response.status;
    while (!revokedAt && performance.now() - start < 5000) await sleep(20);
    const countAtRevoke = b.feed.received.length;
    await post(baseUrl, users.a, spaceId, channelId, "After the sign-out");
    await sleep(1000);
    await b.connection.stop();
    report({ signOutStatus, revokedAfterMs: revokedAt ? revokedAt - start : null, receivedAfter: b.feed.received.length - countAtRevoke });
  },

  // A user removed from its tenant (not from the space) is dropped by the hosts' periodic re-check.
  async membershipRemoved() {
    let revokedAt = 0;
    const b = await connect(baseUrl, users.b.token, { onRevoked: () => (revokedAt = performance.now()) });
    await join(b, spaceId);
    const start = performance.now();
    const response = await fetch(`${baseUrl}/api/${users.manager.tenant}/identity/members/${users.b.id}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${users.manager.token}` },
    });
    const removeStatus = response.status;
    while (!revokedAt && performance.now() - start < 15000) await sleep(100);
    const countAtRevoke = b.feed.received.length;
    await post(baseUrl, users.a, spaceId, channelId, "After the removal");
    await sleep(1000);
    let rejoin = null;
    try {
      await b.connection.invoke("JoinSpace", spaceId, 0);
    } catch (error) {
      rejoin = String(error.message);
    }
    await b.connection.stop();
    report({ removeStatus, revokedAfterMs: revokedAt ? revokedAt - start : null, receivedAfter: b.feed.received.length - countAtRevoke, rejoin });
  },

  // A tenant that joined later asks for the whole log and receives it from its joining on.
  async lateJoiner() {
    const b = await connect(baseUrl, users.b.token);
    await join(b, spaceId, 0);
    const received = b.feed.received;
    await b.connection.stop();
    report({ types: received.map((e) => e.type), bodies: received.filter((e) => e.type === "post.created").map((e) => e.data.body) });
  },

  // A plenary: 300 connections of two tenants in one thread while both tenants post at once. Every connection receives every post, in
  // one order (the space's sequence) shared by all, and a client joining afterwards replays exactly that order.
  async plenary() {
    const connections = 300;
    const perPoster = 25;
    const audience = [];
    for (let i = 0; i < connections; i += 50) {
      audience.push(...(await Promise.all(Array.from({ length: Math.min(50, connections - i) }, async (_, k) => {
        const client = await connect(baseUrl, (i + k) % 2 === 0 ? users.a.token : users.b.token);
        await join(client, spaceId);
        return client;
      }))));
    }
    const before = Math.min(...audience.map((c) => c.feed.lastSequence));
    const speak = (user, name) => (async () => {
      const ids = [];
      for (let n = 0; n < perPoster; n++) ids.push((await post(baseUrl, user, spaceId, channelId, `${name} ${n}`)).id);
      return ids;
    })();
    const sent = (await Promise.all([speak(users.a, "a"), speak(users.b, "b")])).flat();
    const posts = (client) => client.feed.received.filter((e) => e.type === "post.created" && e.sequence > before);
    const deadline = performance.now() + 30000;
    while (audience.some((c) => posts(c).length < sent.length) && performance.now() < deadline) await sleep(100);

    const orders = audience.map((c) => posts(c).map((e) => e.data.id).join(","));
    const sequences = audience.map((c) => posts(c).map((e) => e.sequence));
    const late = await connect(baseUrl, users.b.token);
    await join(late, spaceId, before);
    const replay = posts(late).map((e) => e.data.id).join(",");
    await Promise.all([...audience, late].map((c) => c.connection.stop()));
    report({
      connections: audience.length,
      sent: sent.length,
      complete: audience.filter((c) => posts(c).length === sent.length).length,
      distinctOrders: new Set(orders).size,
      ascending: sequences.every((list) => list.every((s, i) => i === 0 || s > list[i - 1])),
      everyPostOnce: new Set(orders[0].split(",")).size === sent.length && sent.every((id) => orders[0].includes(id)),
      replayMatches: replay === orders[0],
    });
  },

  // Graceful shutdown: b is connected to host one, which is told to stop (SIGTERM) during a burst of posts through it. b's
  // connection is closed by the host; b reconnects to host two and replays what it missed, the burst's acknowledged posts included.
  async hostStops() {
    let closedAt = 0;
    let closeError = null;
    const b = await connect(baseUrl, users.b.token);
    let toldAt = 0;
    b.connection.onclose((error) => { closedAt = performance.now(); closeError = error ? String(error.message ?? error) : null; });
    // As the page's script does: told the host is stopping, close cleanly (and connect again elsewhere, below).
    b.connection.on("hostStopping", () => { toldAt = performance.now(); b.connection.stop(); });
    await join(b, spaceId);
    const before = await post(otherUrl, users.a, spaceId, channelId, "Before the stop");
    await waitFor(b.feed, (e) => e.type === "post.created" && e.data.id === before.id);

    const burst = Array.from({ length: 40 }, (_, i) => sleep(i * 10).then(() =>
      fetch(`${baseUrl}/api/${users.a.tenant}/exchange/spaces/${spaceId}/channels/${channelId}/posts`, {
        method: "POST",
        headers: { Authorization: `Bearer ${users.a.token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ body: `burst ${i}` }),
      }).then(async (r) => ({ status: r.status, id: r.status === 201 ? (await r.json()).id : null }), (error) => ({ status: "network", error: String(error.cause?.code ?? error.message) }))));
    await sleep(100);
    const stoppedAt = performance.now();
    process.kill(stoppingPid, "SIGTERM");
    const answers = await Promise.all(burst);
    while (!closedAt && performance.now() - stoppedAt < 20000) await sleep(20);

    const whileAway = await post(otherUrl, users.a, spaceId, channelId, "While b was away");
    const again = await connect(otherUrl, users.b.token);
    await join(again, spaceId, b.feed.lastSequence);
    const replayed = [...b.feed.received, ...again.feed.received].filter((e) => e.type === "post.created").map((e) => e.data.id);
    await again.connection.stop();
    report({
      toldAfterMs: toldAt ? toldAt - stoppedAt : null, closedAfterMs: closedAt ? closedAt - stoppedAt : null, closeError, answers,
      whileAway: whileAway.id, replayed,
    });
  },

  // Scale-out: a post made through one host reaches a client connected to the other.
  // Also presence across hosts: b, joining on host two, is told a (on host one) is online, and hears a leave.
  async scaleOut() {
    const a = await connect(baseUrl, users.a.token);
    await join(a, spaceId);
    const b = await connect(otherUrl, users.b.token);
    const online = await join(b, spaceId);
    const start = performance.now();
    const sent = await post(baseUrl, users.a, spaceId, channelId, "Through host one");
    const seen = await waitFor(b.feed, (e) => e.type === "post.created" && e.data.id === sent.id);
    const latencyMs = performance.now() - start;
    await a.connection.stop();
    const deadline = performance.now() + 5000;
    const left = () => b.feed.ephemeral.some((e) => e.type === "presence" && e.data.userId === users.a.id && !e.data.online);
    while (!left() && performance.now() < deadline) await sleep(50);
    await b.connection.stop();
    report({ sent: sent.id, seen: seen.data.id, sequence: seen.sequence, latencyMs, online: online.map((u) => u.userId), aLeftSeen: left() });
  },
};

try {
  await scenarios[scenario]();
  process.exit(0);
} catch (error) {
  console.error(error?.stack ?? String(error));
  process.exit(1);
}
