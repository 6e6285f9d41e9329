// Exchange benchmark driver: N SignalR connections (spread over worker processes) joined to one space, while one poster posts
// through the REST API at a fixed rate. BENCH_CLIENT chooses the connections' client: "official" (@microsoft/signalr, as the
// tests use) or "raw" (raw-hub-client.mjs, the same protocol at about half the client's CPU: the default, see bench/README.md).
// Reports delivery latency from the post's acceptance (its server timestamp) to its receipt, and losses.
// With BENCH_TYPISTS=n, n of the connections also signal typing as often as the hub lets one (every 2 s) while the posts go on:
// the typing signals sent and delivered are reported beside the posts' latency, to see what typing costs a busy space.
//   node clients.mjs <baseUrl> <tenant> <token> <spaceId> <channelId> <connections> <postsPerSecond> <seconds>
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const signalR = require(require.resolve("@microsoft/signalr", { paths: [new URL("../../tests/js/", import.meta.url).pathname] }));
const { RawHubConnection } = await import("./raw-hub-client.mjs");
const client = process.env.BENCH_CLIENT ?? "raw";
if (client !== "raw" && client !== "official") throw new Error(`BENCH_CLIENT is "raw" or "official", not "${client}"`);
const [baseUrl, tenant, token, spaceId, channelId, connectionsArg, rateArg, secondsArg] = process.argv.slice(2);

// CPU time used so far, user and system: this process's own, or another's (BENCH_HOST_PID: the Host's) from /proc, in seconds.
function cpuSeconds(pid) {
  if (pid === undefined) { const { user, system } = process.cpuUsage(); return (user + system) / 1e6; }
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

if (process.env.BENCH_WORKER) {
  // A worker: opens its share of connections, joins, and records when each post arrives.
  const count = Number(process.env.BENCH_WORKER_CONNECTIONS);
  const after = Number(process.env.BENCH_AFTER);
  const received = new Map(); // post id -> latencies
  const open = [];
  let failed = 0;
  let typingReceived = 0;
  let typingSent = 0;
  const typingTimers = [];
  const connectOne = async () => {
    const connection = client === "raw"
      ? new RawHubConnection(baseUrl, "/hubs/exchange", token)
      : new signalR.HubConnectionBuilder()
        .withUrl(`${baseUrl}/hubs/exchange`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
        .configureLogging(signalR.LogLevel.None)
        .build();
    connection.on("spaceEvent", (event) => {
      if (event.type === "typing") typingReceived++;
      if (event.type !== "post.created") return;
      const latency = Date.now() - Date.parse(event.data.createdAt);
      const list = received.get(event.data.id) ?? [];
      list.push(latency);
      received.set(event.data.id, list);
    });
    try {
      await connection.start();
      await connection.invoke("JoinSpace", spaceId, after);
      open.push(connection);
    } catch (error) {
      failed++;
      if (failed <= 3) console.error(`connection failed: ${error?.message ?? error}`);
    }
  };
  // Loaded and waiting: the storm starts when every worker is, so the join time holds no process start.
  await new Promise((resolve) => { process.once("message", resolve); process.send({ loaded: true, cpuSeconds: cpuSeconds() }); });
  const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 50);
  for (let i = 0; i < count; i += inFlight) {
    await Promise.all(Array.from({ length: Math.min(inFlight, count - i) }, connectOne));
  }
  process.send({ ready: open.length, failed, cpuSeconds: cpuSeconds() });
  process.on("message", async (message) => {
    if (message.typists) {
      // Each typist signals every 2.05 s (the hub keeps one signal per connection per 2 s), starting at a random offset.
      for (const connection of open.slice(0, message.typists)) {
        const start = setTimeout(() => {
          const tick = () => { typingSent++; connection.invoke("Typing", spaceId, channelId).catch(() => {}); };
          tick();
          typingTimers.push(setInterval(tick, 2050));
        }, Math.random() * 2050);
        typingTimers.push(start);
      }
    }
    if (message.stopTyping) typingTimers.forEach((t) => { clearTimeout(t); clearInterval(t); });
    if (message.report) {
      const latencies = [];
      const perPost = {};
      for (const [id, list] of received) { perPost[id] = list.length; latencies.push(...list); }
      // Exit only once the (large) report has left through the IPC pipe.
      await new Promise((resolve) => process.send({ latencies, perPost, typingSent, typingReceived }, resolve));
      await Promise.all(open.map((c) => c.stop()));
      process.exit(0);
    }
  });
} else {
  // Keeps the event loop alive while waiting on workers, and gives up loudly rather than hang.
  const watchdog = setTimeout(() => { console.error("the benchmark did not finish within 10 minutes"); process.exit(1); }, 600_000);
  const total = Number(connectionsArg);
  const rate = Number(rateArg);
  const seconds = Number(secondsArg);
  // Four processes by default: fewer open connections faster on two cores, but cannot read 10,000 connections' deliveries in time.
  const workers = Math.min(Number(process.env.BENCH_WORKERS ?? 4), Math.max(1, Math.ceil(total / 500)));
  const space = await (await fetch(`${baseUrl}/api/${tenant}/exchange/spaces/${spaceId}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  const children = [];
  for (let w = 0; w < workers; w++) {
    const share = Math.floor(total / workers) + (w < total % workers ? 1 : 0);
    const child = fork(fileURLToPath(import.meta.url), process.argv.slice(2), {
      env: { ...process.env, BENCH_WORKER: "1", BENCH_WORKER_CONNECTIONS: String(share), BENCH_AFTER: String(space.lastSequence) },
    });
    child.on("exit", (code, signal) => { if (code !== 0) console.error(`client worker ${w} exited with ${code ?? signal}`); });
    children.push(child);
  }
  const nextMessage = (c) => new Promise((resolve, reject) => {
    c.once("message", resolve);
    c.once("exit", (code) => reject(new Error(`a client worker exited with ${code}`)));
  });
  const loaded = await Promise.all(children.map(nextMessage));
  // The join time runs from the storm's first connection attempt to its last JoinSpace answered: Node's start is not in it.
  const hostPid = process.env.BENCH_HOST_PID;
  const hostCpuBefore = hostPid ? cpuSeconds(hostPid) : null;
  const started = Date.now();
  const ready = await Promise.all(children.map((c) => { const answer = nextMessage(c); c.send({ go: true }); return answer; }));
  const joinSeconds = (Date.now() - started) / 1000;
  // What the storm cost each side, in CPU-seconds: the Host's, and the clients' (all workers, from go to their last join).
  const hostJoinCpu = hostPid ? cpuSeconds(hostPid) - hostCpuBefore : null;
  const clientsJoinCpu = ready.reduce((sum, r, w) => sum + r.cpuSeconds - loaded[w].cpuSeconds, 0);
  const joined = ready.reduce((a, r) => a + r.ready, 0);
  const joinFailures = ready.reduce((a, r) => a + r.failed, 0);
  console.error(`joined ${joined} of ${total} connections in ${joinSeconds} s; posting`);

  const typists = Math.min(Number(process.env.BENCH_TYPISTS ?? 0), joined);
  children.forEach((c, w) => c.send({ typists: Math.floor(typists / workers) + (w < typists % workers ? 1 : 0) }));

  // The poster: one post every 1/rate seconds for `seconds`, through the REST API.
  const posted = [];
  const failures = [];
  const count = Math.round(rate * seconds);
  const begin = Date.now();
  const inFlight = [];
  for (let i = 0; i < count; i++) {
    const due = begin + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(fetch(`${baseUrl}/api/${tenant}/exchange/spaces/${spaceId}/channels/${channelId}/posts`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ body: `bench post ${i}` }),
    }).then(async (r) => (r.status === 201 ? posted.push((await r.json()).id) : failures.push(r.status))));
  }
  await Promise.all(inFlight);
  children.forEach((c) => c.send({ stopTyping: true }));
  console.error(`posted ${posted.length} (${failures.length} refused); collecting`);
  await new Promise((resolve) => setTimeout(resolve, 5000)); // grace for the last deliveries

  const reports = await Promise.all(children.map((c) => new Promise((resolve) => { c.once("message", resolve); c.send({ report: true }); })));
  const latencies = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const delivered = reports.reduce((sum, r) => sum + posted.reduce((s, id) => s + (r.perPost[id] ?? 0), 0), 0);
  const expected = posted.length * joined;
  const typingSent = reports.reduce((sum, r) => sum + r.typingSent, 0);
  const typingReceived = reports.reduce((sum, r) => sum + r.typingReceived, 0);
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : null);
  console.log(JSON.stringify({
    client, connections: joined, requested: total, joinFailures, joinSeconds: Number(joinSeconds.toFixed(1)),
    hostJoinCpuSeconds: hostJoinCpu === null ? null : Number(hostJoinCpu.toFixed(1)), clientsJoinCpuSeconds: Number(clientsJoinCpu.toFixed(1)), postsPerSecond: rate, seconds,
    posted: posted.length, postFailures: failures.length, expected, delivered, losses: expected - delivered,
    p50_ms: pct(50), p95_ms: pct(95), p99_ms: pct(99), max_ms: latencies.at(-1) ?? null,
    typists, typingSent, typingSignalsPerSecond: Number((typingSent / seconds).toFixed(1)), typingDelivered: typingReceived,
    typingDeliveriesPerSecond: Math.round(typingReceived / seconds), typingDeliveredShare: typingSent ? Number((typingReceived / (typingSent * joined)).toFixed(3)) : null,
  }));
  clearTimeout(watchdog);
  process.exit(0);
}
