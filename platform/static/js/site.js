// Site-wide: the dark-mode toggle (remembered per browser) and one-at-a-time hint reveal.
(function () {
  const root = document.documentElement;
  const toggle = document.getElementById("theme-toggle");
  function current() {
    if (root.dataset.theme) return root.dataset.theme;
    return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function label() { toggle.setAttribute("aria-pressed", String(current() === "dark")); }
  if (toggle) {
    label();
    toggle.addEventListener("click", () => {
      root.dataset.theme = current() === "dark" ? "light" : "dark";
      localStorage.setItem("tj-theme", root.dataset.theme);
      label();
    });
  }
  // Forms that do something hard to undo ask first (give up and show the solution).
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => { if (!confirm(form.dataset.confirm)) event.preventDefault(); });
  }
  // Hints: the "next hint" link works without JS (?hints=N); with JS it reveals in place, keeping the editor.
  const next = document.getElementById("next-hint");
  if (next) {
    next.addEventListener("click", (event) => {
      const hidden = document.querySelector("#hints li[hidden]");
      if (!hidden) return;
      event.preventDefault();
      hidden.hidden = false;
      hidden.focus();
      const total = document.querySelectorAll("#hints li").length;
      const left = document.querySelectorAll("#hints li[hidden]").length;
      if (left === 0) next.remove(); else next.textContent = `Show hint ${total - left + 1}`;
    });
  }
})();
