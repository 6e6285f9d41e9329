// Live updates of a space's channel with the official SignalR client (lib/signalr). The page works
// without this script (posting is a form, reloading shows new posts); with it, posts arrive live,
// are announced to screen readers through a polite live region, and posting keeps focus in the box.
(() => {
  const section = document.querySelector("[data-live-space]");
  if (!section || !window.signalR) return;
  const spaceId = section.dataset.liveSpace;
  const channelId = section.dataset.channel;
  // In a thread's view the list holds its replies; in the channel's, the opening posts.
  const threadId = section.dataset.thread || null;
  const tenant = section.dataset.tenant;
  const list = document.getElementById("posts");
  const announcer = document.getElementById("live-announcer");
  const status = document.getElementById("live-status");
  const typing = document.getElementById("typing");
  const online = document.getElementById("online");
  const form = document.getElementById("post-form");
  const box = document.getElementById("post-body");
  let lastSequence = Number(section.dataset.lastSequence) || 0;
  let joining = null;
  const people = new Map();

  const text = (template, ...values) => values.reduce((t, v, i) => t.replace(`{${i}}`, v), template);
  const bumpUnread = (otherChannel) => {
    const link = document.getElementById(`channel-${otherChannel}`);
    if (!link) return;
    let badge = document.getElementById(`unread-${otherChannel}`);
    if (!badge) {
      badge = Object.assign(document.createElement("span"), { className: "badge", id: `unread-${otherChannel}` });
      badge.dataset.count = "0";
      link.after(badge);
    }
    badge.dataset.count = String(Number(badge.dataset.count ?? "0") + 1);
    badge.textContent = text(section.dataset.unread, badge.dataset.count);
  };
  const announce = (message) => {
    announcer.textContent = "";
    setTimeout(() => { announcer.textContent = message; }, 50);
  };

  const renderPost = (post) => {
    const item = document.createElement("li");
    item.id = `post-${post.id}`;
    item.dataset.postId = post.id;
    const article = document.createElement("article");
    const header = document.createElement("header");
    const author = document.createElement("strong");
    author.textContent = post.authorName;
    const from = document.createElement("span");
    from.className = "muted";
    from.textContent = post.authorTenant;
    const time = document.createElement("time");
    time.dateTime = post.createdAt;
    time.textContent = new Date(post.createdAt).toLocaleString();
    header.append(author, " ", from, " ", time);
    const body = document.createElement("div");
    body.className = "post-body";
    body.innerHTML = post.html; // sanitised by the server on an allow-list
    article.append(header, body);
    item.append(article);
    return item;
  };

  const apply = (event) => {
    if (event.sequence <= lastSequence) return;
    lastSequence = event.sequence;
    const data = event.data;
    if (event.type === "post.created" && (data.mentions ?? []).includes(section.dataset.user)) {
      announce(text(section.dataset.mentionedYou, data.authorName, data.authorTenant));
    }
    if (event.type === "meeting.starting") {
      announce(text(section.dataset.meetingStarting, data.title));
      status.textContent = text(section.dataset.meetingStarting, data.title);
    }
    if (event.type === "space.archived" || event.type === "space.reopened") {
      // Archived: nothing more can be said here until the host reopens the space (the server refuses it anyway).
      const message = event.type === "space.archived" ? section.dataset.archived : section.dataset.reopened;
      if (event.type === "space.archived") form?.setAttribute("hidden", "");
      status.textContent = message;
      announce(message);
      return;
    }
    if (data.channelId && data.channelId !== channelId) {
      // Another channel's new post: its count in the channel list goes up (live events apply once per sequence).
      if (event.type === "post.created" && !data.threadId && data.authorUserId !== section.dataset.user) bumpUnread(data.channelId);
      return;
    }
    // An edited or deleted post's earlier entries carry no text any more: the later entry says what it is now.
    if (data.redacted) return;
    if (event.type === "post.created" && (data.threadId ?? null) === threadId && !document.getElementById(`post-${data.id}`)) {
      document.getElementById("no-posts")?.remove();
      list.append(renderPost(data));
      if (!(data.mentions ?? []).includes(section.dataset.user)) announce(text(section.dataset.newPost, data.authorName, data.authorTenant));
    } else if (event.type === "post.edited") {
      const body = document.querySelector(`#post-${data.id} .post-body`);
      if (body) body.innerHTML = data.html;
    } else if (event.type === "post.deleted" || event.type === "post.hidden") {
      const body = document.querySelector(`#post-${data.postId} .post-body`);
      if (body) body.textContent = event.type === "post.hidden" ? section.dataset.hidden : section.dataset.deleted;
    }
  };

  const showOnline = () => {
    online.replaceChildren(...[...people.values()].map((p) => {
      const item = document.createElement("li");
      item.textContent = `${p.displayName} (${p.tenantName})`;
      return item;
    }));
  };

  const ephemeral = (event) => {
    if (event.type === "typing" && event.data.channelId === channelId) {
      typing.textContent = text(section.dataset.typing, event.data.displayName);
      clearTimeout(typing.timer);
      typing.timer = setTimeout(() => { typing.textContent = ""; }, 3000);
    } else if (event.type === "presence") {
      if (event.data.online) people.set(event.data.userId, event.data);
      else people.delete(event.data.userId);
      showOnline();
    }
  };

  // WebSockets straight away, no negotiate request: the connection lives on whichever host answered its upgrade, so hosts behind a
  // load balancer need no sticky sessions.
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/exchange", { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .withAutomaticReconnect()
    .build();
  connection.on("spaceEvent", (event) => {
    if (event.sequence === null || event.sequence === undefined) ephemeral(event);
    else if (joining) joining.push(event);
    else apply(event);
  });
  connection.on("spaceRevoked", () => {
    // The delegation, the tenant's membership or the session ended: this page can take part no more.
    status.textContent = section.dataset.removed;
    announce(section.dataset.removed);
    form?.setAttribute("hidden", "");
  });

  const join = async () => {
    joining = [];
    try {
      let page = await connection.invoke("JoinSpace", spaceId, lastSequence);
      page.online.forEach((p) => people.set(p.userId, p));
      showOnline();
      for (;;) {
        page.events.forEach(apply);
        if (!page.hasMore) break;
        page = await connection.invoke("EventsAfter", spaceId, lastSequence);
      }
      joining.forEach(apply);
      status.textContent = section.dataset.connected;
    } finally {
      joining = null;
    }
  };

  // The host is stopping (an update): close cleanly, and connect again — the balancer sends the new connection to another
  // host — retrying while none answers, then replay what was missed.
  connection.on("hostStopping", async () => {
    status.textContent = section.dataset.connectionLost;
    await connection.stop();
    for (const wait of [0, 1000, 2000, 5000, 10000, 30000]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        await connection.start();
        await join();
        return;
      } catch {
        // not yet: try again
      }
    }
  });
  connection.onreconnecting(() => { status.textContent = section.dataset.connectionLost; });
  connection.onreconnected(() => join().catch(() => {}));
  connection.start().then(join).catch(() => { status.textContent = section.dataset.connectionLost; });

  // With the live connection, posting goes through the API and keeps the writer in the box.
  form?.addEventListener("submit", async (submit) => {
    if (connection.state !== signalR.HubConnectionState.Connected) return;
    submit.preventDefault();
    const body = box.value;
    if (!body.trim()) return;
    const response = await fetch(`/api/${tenant}/exchange/spaces/${spaceId}/channels/${channelId}/posts`, {
      method: "POST",
      credentials: "same-origin",
      // The page's antiforgery token: the API takes no change made with the cookie without it.
      headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: form.querySelector("input[name=__RequestVerificationToken]")?.value ?? "" },
      body: JSON.stringify({ body, threadId, attachmentIds: [...form.querySelectorAll("input[name=attachmentIds]:checked")].map(box => box.value) }),
    });
    if (response.ok) {
      box.value = "";
      form.querySelectorAll("input[name=attachmentIds]:checked").forEach(attached => { attached.checked = false; });
      box.focus();
    } else {
      const problem = await response.json().catch(() => ({}));
      announce(problem.errors?.body?.[0] ?? problem.detail ?? problem.title ?? String(response.status));
    }
  });
  box?.addEventListener("input", () => {
    if (connection.state === signalR.HubConnectionState.Connected) connection.invoke("Typing", spaceId, channelId).catch(() => {});
  });
  box?.addEventListener("keydown", (key) => {
    if (key.key === "Enter" && (key.ctrlKey || key.metaKey)) form.requestSubmit();
  });
})();
