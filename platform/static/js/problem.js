// Run and Submit without leaving the problem: post the form for JSON, then show the results panel under
// the editor and follow it live (submission.js). Without JavaScript the form posts and redirects instead.
// Also: the draft is saved on the server (debounced), revealed hints are remembered, and the last
// submission can be loaded back into the editor.
(function () {
  const form = document.getElementById("submit-form");
  const box = document.getElementById("submission");
  if (!form || !box || !window.TJ) return;
  const error = form.querySelector("[data-testid='form-error']");
  const buttons = form.querySelectorAll("button[name='mode']");

  const csrf = form.querySelector("input[name='csrfmiddlewaretoken']").value;
  const post = (fields) => fetch(form.dataset.draftUrl, {
    method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrf },
    body: new URLSearchParams(fields),
  });
  const code = () => (window.tjEditor ? window.tjEditor.state.doc.toString() : form.elements.code.value);

  // Save the draft once the code has stopped changing for a moment (checked every 1.5 s).
  let saved = code();
  let seen = saved;
  setInterval(async () => {
    const now = code();
    if (now !== seen) { seen = now; return; }
    if (now === saved) return;
    saved = now;
    const response = await post({ code: now }).catch(() => null);
    const status = document.getElementById("draft-status");
    if (status && response?.ok) status.textContent = "Draft saved to your account.";
  }, 1500);

  document.getElementById("next-hint")?.addEventListener("click", () => {
    setTimeout(() => post({ hints: String(document.querySelectorAll("#hints li:not([hidden])").length) }), 0);
  });

  document.getElementById("load-last")?.addEventListener("click", () => {
    const last = JSON.parse(document.getElementById("last-code").textContent);
    if (!window.tjEditor || !confirm("Replace the code in the editor with your last submission?")) return;
    window.tjEditor.dispatch({ changes: { from: 0, to: window.tjEditor.state.doc.length, insert: last } });
    window.tjEditor.focus();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    data.set("mode", event.submitter?.value || "submit");
    if (window.tjEditor) data.set("code", window.tjEditor.state.doc.toString());
    buttons.forEach((b) => { b.disabled = true; });
    error.hidden = true;
    try {
      const response = await fetch(form.action, {
        method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" },
      });
      const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : {};
      if (!response.ok) {
        error.textContent = body.error || body.detail || `The server answered ${response.status}; try again.`;
        error.hidden = false;
        return;
      }
      box.hidden = false;
      window.TJ.draw(box, body.submission);
      window.TJ.watch(box, body.status_url);
      box.scrollIntoView({ block: "nearest", behavior: "smooth" });
    } catch (exc) {
      error.textContent = "Could not reach the server; your code is kept here. Try again.";
      error.hidden = false;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
})();
