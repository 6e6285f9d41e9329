// Follows a running import: polls its progress (the page works without this, by reloading) and
// reloads the page once the import has finished, so the server renders the full report.
(() => {
  const section = document.querySelector("[data-import-job]");
  if (!section) return;
  const bar = section.querySelector("progress");
  const text = section.querySelector("[data-progress-text]");
  const url = section.getAttribute("data-import-job");
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) return;
      const job = await response.json();
      if (job.finished) { location.reload(); return; }
      if (job.total > 0) {
        bar.max = job.total;
        bar.value = job.done;
        text.textContent = text.getAttribute("data-template").replace("{0}", job.done).replace("{1}", job.total);
      }
    } catch { /* a missed poll is retried */ }
    setTimeout(poll, 500);
  };
  setTimeout(poll, 500);
})();
