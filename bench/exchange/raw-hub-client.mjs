// A hub connection for the benchmark only, cheaper on the client's CPU than the official client: the SignalR JSON hub
// protocol (handshake, invocations with completions, pings, close) spoken over a bare WebSocket (`ws`, which the official
// client uses in Node too), with no negotiation, reconnection or streaming. The tests keep the official client; this exists so
// that a storm's clients on the same two cores do not cost more than the Host they measure (bench/README.md says by how much).
// Same surface as the official client's HubConnection where clients.mjs uses it: on, start, invoke, stop.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const WebSocket = require(require.resolve("ws", { paths: [new URL("../../tests/js/", import.meta.url).pathname] }));
const separator = "\u001e";
const ping = JSON.stringify({ type: 6 }) + separator;
const open = new Set();

// The server closes a connection it has not heard from for 30 s: every open connection pings every 15 s, as the official client does.
setInterval(() => { for (const connection of open) connection.send(ping); }, 15_000).unref();

export class RawHubConnection {
  #url;
  #socket = null;
  #handlers = new Map();
  #pending = new Map();
  #nextId = 1;

  constructor(baseUrl, path, token) {
    this.#url = `${baseUrl.replace(/^http/, "ws")}${path}?access_token=${encodeURIComponent(token)}`;
  }

  on(target, handler) {
    this.#handlers.set(target, handler);
  }

  start() {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.#url, { perMessageDeflate: false });
      let handshaken = false;
      socket.on("open", () => socket.send(JSON.stringify({ protocol: "json", version: 1 }) + separator));
      socket.on("error", (error) => { if (!handshaken) reject(error); });
      socket.on("close", () => {
        open.delete(this);
        for (const { reject: fail } of this.#pending.values()) fail(new Error("the connection closed"));
        this.#pending.clear();
        if (!handshaken) reject(new Error("the connection closed before the handshake"));
      });
      socket.on("message", (data) => {
        for (const text of data.toString().split(separator)) {
          if (!text) continue;
          const message = JSON.parse(text);
          if (!handshaken) {
            handshaken = true;
            if (message.error) { reject(new Error(message.error)); socket.close(); return; }
            this.#socket = socket;
            open.add(this);
            resolve();
          } else {
            this.#receive(message);
          }
        }
      });
    });
  }

  invoke(target, ...args) {
    const invocationId = String(this.#nextId++);
    return new Promise((resolve, reject) => {
      this.#pending.set(invocationId, { resolve, reject });
      this.send(JSON.stringify({ type: 1, invocationId, target, arguments: args }) + separator);
    });
  }

  send(text) {
    this.#socket?.send(text);
  }

  stop() {
    const socket = this.#socket;
    if (!socket) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once("close", resolve);
      socket.send(JSON.stringify({ type: 7 }) + separator);
      socket.close(1000);
    });
  }

  #receive(message) {
    if (message.type === 1) {
      this.#handlers.get(message.target)?.(...message.arguments);
    } else if (message.type === 3) {
      const pending = this.#pending.get(message.invocationId);
      this.#pending.delete(message.invocationId);
      if (message.error) pending?.reject(new Error(message.error));
      else pending?.resolve(message.result);
    } else if (message.type === 7) {
      this.#socket?.close(1000);
    }
  }
}
