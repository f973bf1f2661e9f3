// Run and Submit without leaving the problem: post the form for JSON, then show the results panel under
// the editor and follow it live (submission.js). Without JavaScript the form posts and redirects instead.
(function () {
  const form = document.getElementById("submit-form");
  const box = document.getElementById("submission");
  if (!form || !box || !window.TJ) return;
  const error = form.querySelector("[data-testid='form-error']");
  const buttons = form.querySelectorAll("button[name='mode']");

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
