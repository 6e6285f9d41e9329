// A thin layer over the official @microsoft/signalr client, as a page's script would use it:
// join a space, apply each sequence once and in order, buffer live events that arrive while joining.
import * as signalR from "@microsoft/signalr";

export async function connect(baseUrl, token, { onRevoked } = {}) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/exchange`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.Error)
    .build();
  const feed = { received: [], lastSequence: 0, ephemeral: [], revoked: [], joining: null, listeners: [] };
  connection.on("spaceEvent", (event) => {
    if (event.sequence === null || event.sequence === undefined) {
      feed.ephemeral.push(event);
      return;
    }
    if (feed.joining) {
      feed.joining.push(event);
      return;
    }
    apply(feed, event);
  });
  connection.on("spaceRevoked", (message) => {
    feed.revoked.push({ ...message, at: performance.now() });
    onRevoked?.(message);
  });
  await connection.start();
  return { connection, feed };
}

function apply(feed, event) {
  if (event.sequence <= feed.lastSequence) return;
  feed.lastSequence = event.sequence;
  feed.received.push(event);
  for (const listener of feed.listeners) listener(event);
}

export async function join({ connection, feed }, spaceId, afterSequence = feed.lastSequence) {
  feed.joining = [];
  feed.lastSequence = afterSequence;
  try {
    let page = await connection.invoke("JoinSpace", spaceId, afterSequence);
    const online = page.online;
    for (;;) {
      page.events.forEach((e) => apply(feed, e));
      if (!page.hasMore) break;
      page = await connection.invoke("EventsAfter", spaceId, feed.lastSequence);
    }
    feed.joining.forEach((e) => apply(feed, e));
    return online;
  } finally {
    feed.joining = null;
  }
}

/** Resolves with the first event matching `test`, or rejects after `ms`. */
export function waitFor(feed, test, ms = 10000) {
  const seen = feed.received.find(test);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching event within ${ms} ms`)), ms);
    feed.listeners.push((event) => {
      if (test(event)) {
        clearTimeout(timer);
        resolve(event);
      }
    });
  });
}

export async function post(baseUrl, user, spaceId, channelId, body) {
  const response = await fetch(`${baseUrl}/api/${user.tenant}/exchange/spaces/${spaceId}/channels/${channelId}/posts`, {
    method: "POST",
    headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ body }),
  });
  if (response.status !== 201) throw new Error(`post answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
