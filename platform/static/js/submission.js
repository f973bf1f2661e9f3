// Live results: poll a submission's status.json and redraw the panel (verdict, progress, each test as it
// finishes, then the score and timing). Used on the submission page and, through TJ.watch, under the editor.
(function () {
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };
  const ms = (v) => (v == null ? "–" : `${v.toFixed(3)} ms`);
  const RUN_NOTE = "A Run checks the visible samples only: it is not scored and does not count as solved.";

  function row(t) {
    const li = el("li", { className: `result v-${t.verdict}` },
      el("span", { className: `verdict v-${t.verdict}` }, t.verdict), " ",
      el("span", { className: "name" }, t.name), " ", el("span", { className: "kind" }, t.kind));
    li.dataset.index = t.index;
    if (t.time_ms != null) li.append(" ", el("span", { className: "meta" }, `${t.time_ms.toFixed(1)} ms`));
    if (t.message) li.append(el("p", { className: "message" }, t.message));
    if (t.details) {  // the input, then the expected output beside yours
      const box = (label, key, className = "") => el("dl", { className },
        el("dt", {}, label), el("dd", {}, el("pre", {}, t.details[key] ?? "")));
      const details = el("div", { className: "sample-details" }, box("Input", "input"),
        el("div", { className: "compare" }, box("Expected output", "expected", "expected"),
          box("Your output", "actual", "actual")));
      if (t.details.printed) details.append(box("Printed", "printed"));
      li.append(details);
    }
    return li;
  }

  function progressText(s) {
    if (s.done) return "";
    if (s.status === "queued") return "· waiting for a grader";
    if (s.progress) return `· ${s.progress}`; // while a Submit is timed: "timing: 40 pairs, ±0.8%"
    const finished = s.results.length;
    return `· ${finished} test${finished === 1 ? "" : "s"} graded`;
  }

  function draw(box, s) {
    const $ = (id) => box.querySelector(`#${id}`);
    const run = s.mode === "run";
    $("mode-label").textContent = !run ? "Submit" : s.custom_input ? "Run · samples and custom input" : "Run · samples only";
    $("mode-label").className = `mode mode-${s.mode}`;
    $("status").textContent = s.status;
    $("progress").textContent = progressText(s);
    const verdict = $("verdict");
    verdict.textContent = s.label || "…";
    verdict.className = `verdict v-${s.verdict || "pending"}${run ? " run" : ""}`;
    $("message").textContent = s.message || "";
    $("stats").hidden = run;
    $("score").textContent = s.score == null ? "–" : s.score.toFixed(1);
    $("user-ms").textContent = ms(s.user_ms);
    $("ref-ms").textContent = ms(s.ref_ms);
    const spread = s.speedup_noise_pct == null ? "" : ` ±${s.speedup_noise_pct.toFixed(1)}%`;
    $("speedup").textContent = s.speedup == null ? "–" : `${s.speedup.toFixed(2)}×${spread}`;
    $("hardware").textContent = s.hardware || "–";
    $("score-formula").textContent = run ? RUN_NOTE : s.score_formula ? `Score ${s.score_formula}.` : "Scored when graded.";
    let standing = s.faster_than == null ? "" : `Faster than ${s.faster_than}% of accepted solutions on this problem and hardware.`;
    const others = s.accepted_speedups;
    if (others) standing += ` Their speedups: median ${others.p50}×, 10–90%: ${others.p10}×–${others.p90}× (${others.count} solutions).`;
    if (s.after_solution) standing += " After viewing the solution: practice, kept off the leaderboard.";
    $("standing").textContent = standing;
    const timing = $("timing");
    timing.hidden = !(s.timing_cases && s.timing_cases.length);
    const noise = (v) => (v == null ? "" : ` ±${v.toFixed(1)}%`);
    $("timing-rows").replaceChildren(...(s.timing_cases || []).map((c) => el("tr", {},
      el("td", {}, c.name), el("td", {}, c.size || ""), el("td", {}, String(c.runs)), el("td", {}, `${ms(c.user_ms)}${noise(c.user_noise_pct)}`),
      el("td", {}, `${ms(c.ref_ms)}${noise(c.ref_noise_pct)}`))));
    const link = $("permalink");
    link.hidden = false;
    link.href = `/submissions/${s.id}/`;
    link.textContent = `#${s.id}`;
    $("results").replaceChildren(...s.results.map(row));
    box.dataset.done = s.done ? "1" : "0";
  }

  // Poll until done; a newer watch on the same box (another Run) stops the older one.
  function watch(box, url) {
    const token = Symbol("watch");
    box.watchToken = token;
    box.dataset.statusUrl = url;
    async function poll(delay) {
      if (box.watchToken !== token) return;
      let s;
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!response.ok) throw new Error(String(response.status));
        s = await response.json();
      } catch (error) {
        setTimeout(() => poll(Math.min(delay * 2, 10000)), delay);
        return;
      }
      if (box.watchToken !== token) return;
      draw(box, s);
      if (!s.done) setTimeout(() => poll(1000), 1000);
    }
    poll(1000);
  }

  window.TJ = Object.assign(window.TJ || {}, { watch, draw });
  const box = document.getElementById("submission");
  if (box && box.dataset.statusUrl && box.dataset.done === "0") watch(box, box.dataset.statusUrl);
})();
