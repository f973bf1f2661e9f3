// Live progress: poll status.json and redraw each test as it finishes, then the final verdict and timing.
(function () {
  const box = document.getElementById("submission");
  if (!box || box.dataset.done === "1") return;
  const url = box.dataset.statusUrl;
  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };
  const ms = (v) => (v == null ? "–" : `${v.toFixed(3)} ms`);

  function row(t) {
    const li = el("li", { className: `result v-${t.verdict}` },
      el("span", { className: `verdict v-${t.verdict}` }, t.verdict), " ",
      el("span", { className: "name" }, t.name), " ", el("span", { className: "kind" }, t.kind));
    li.dataset.index = t.index;
    if (t.time_ms != null) li.append(" ", el("span", { className: "meta" }, `${t.time_ms.toFixed(1)} ms`));
    if (t.message) li.append(el("p", { className: "message" }, t.message));
    if (t.details) {
      const dl = el("dl", { className: "sample-details" });
      for (const [label, key] of [["Input", "input"], ["Expected output", "expected"], ["Your output", "actual"],
                                  ["Printed", "printed"]]) {
        if (key === "printed" && !t.details[key]) continue;
        dl.append(el("dt", {}, label), el("dd", {}, el("pre", {}, t.details[key] ?? "")));
      }
      li.append(dl);
    }
    return li;
  }

  async function poll(delay) {
    let s;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      s = await response.json();
    } catch (error) {
      setTimeout(() => poll(Math.min(delay * 2, 10000)), delay);
      return;
    }
    $("status").textContent = s.progress || s.status;
    const verdict = $("verdict");
    verdict.textContent = s.verdict_name || "…";
    verdict.className = `verdict v-${s.verdict || "pending"}`;
    $("message").textContent = s.message || "";
    $("score").textContent = s.score == null ? "–" : s.score.toFixed(1);
    $("user-ms").textContent = ms(s.user_ms);
    $("ref-ms").textContent = ms(s.ref_ms);
    $("speedup").textContent = s.speedup == null ? "–" : `${s.speedup.toFixed(2)}×`;
    $("results").replaceChildren(...s.results.map(row));
    if (s.done) box.dataset.done = "1";
    else setTimeout(() => poll(1000), 1000);
  }
  poll(1000);
})();
