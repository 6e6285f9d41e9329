// Follows a running onboarding: polls its steps (the page works without this, by its refresh link) and reloads
// the page when a step completes or the onboarding ends, so the server renders the new state.
(() => {
  const section = document.querySelector("[data-onboarding]");
  if (!section) return;
  const url = section.getAttribute("data-onboarding");
  const done = Number(section.getAttribute("data-done"));
  const status = section.getAttribute("data-status");
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const onboarding = await response.json();
        const nowDone = onboarding.steps.filter((s) => s.done).length;
        if (nowDone !== done || onboarding.status !== status) { location.reload(); return; }
      }
    } catch { /* a missed poll is retried */ }
    setTimeout(poll, 500);
  };
  setTimeout(poll, 500);
})();
