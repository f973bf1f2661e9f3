// The problem page's editor (CodeMirror 6 over the form's <textarea>), statement math and code highlighting.
// Without JavaScript the plain textarea still posts `code` and `mode`: everything here is an enhancement.
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, Compartment, Prec } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit } from "@codemirror/language";
import { python, pythonLanguage } from "@codemirror/lang-python";
import { classHighlighter, highlightCode } from "@lezer/highlight";
import { vim } from "@replit/codemirror-vim";
import renderMathInElement from "katex/contrib/auto-render";

const VIM_KEY = "tj-vim";

function submitWith(form, mode) {
  const button = form.querySelector(`button[name="mode"][value="${mode}"]`);
  if (button) form.requestSubmit(button);
}

// Every `textarea[data-editor]` gets an editor: the problem page's one (which keeps a draft in this browser,
// because it names its problem) and the admin's authoring fields (data-editor="python", "markdown" or "yaml").
function mountEditor(textarea) {
  const form = textarea.form;
  const keepsDraft = Boolean(textarea.dataset.problem);
  const draftKey = `tj-draft:${textarea.dataset.problem}`;
  const starter = textarea.dataset.starter ?? textarea.defaultValue;
  const draft = keepsDraft ? localStorage.getItem(draftKey) : null;
  const vimMode = new Compartment();
  const vimToggle = document.getElementById("vim-toggle");
  const vimOn = localStorage.getItem(VIM_KEY) === "1";
  if (vimToggle) vimToggle.checked = vimOn;

  const view = new EditorView({
    state: EditorState.create({
      doc: draft ?? textarea.value,
      extensions: [
        vimMode.of(vimOn ? vim() : []),
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => { submitWith(form, "submit"); return true; } },
                                { key: "Shift-Mod-Enter", run: () => { submitWith(form, "run"); return true; } }])),
        basicSetup,
        keymap.of([indentWithTab]),
        indentUnit.of("    "),
        textarea.dataset.editor === "python" ? python() : [],
        textarea.dataset.editor === "python" ? [] : EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": textarea.dataset.label ?? "Code editor: your solution",
                                          "aria-multiline": "true" }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          const code = update.state.doc.toString();
          textarea.value = code;
          if (!keepsDraft) return;
          localStorage.setItem(draftKey, code);
          const status = document.getElementById("draft-status");
          if (status) status.textContent = "Draft saved in this browser.";
        }),
      ],
    }),
  });
  textarea.value = view.state.doc.toString();
  textarea.hidden = true;
  textarea.setAttribute("aria-hidden", "true");
  textarea.insertAdjacentElement("afterend", view.dom);
  view.dom.classList.add("editor");
  view.dom.dataset.testid = "editor";
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label) label.addEventListener("click", () => view.focus());

  vimToggle?.addEventListener("change", () => {
    localStorage.setItem(VIM_KEY, vimToggle.checked ? "1" : "0");
    view.dispatch({ effects: vimMode.reconfigure(vimToggle.checked ? vim() : []) });
    view.focus();
  });
  document.getElementById("reset-code")?.addEventListener("click", () => {
    if (!confirm("Replace your code with the starter code? Your draft will be lost.")) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: starter } });
    localStorage.removeItem(draftKey);
    view.focus();
  });
  form.addEventListener("submit", () => { textarea.value = view.state.doc.toString(); });
  if (keepsDraft) window.tjEditor = view; // lets tests and power users script the editor
  textarea.tjEditor = view;
}

function highlightBlocks(root) {
  for (const code of root.querySelectorAll("pre code.language-python, pre code.language-py")) {
    const text = code.textContent;
    const tree = pythonLanguage.parser.parse(text);
    code.textContent = "";
    highlightCode(text, tree, classHighlighter,
      (chunk, classes) => {
        const node = classes ? Object.assign(document.createElement("span"), { className: classes }) : null;
        if (node) { node.textContent = chunk; code.appendChild(node); } else code.append(chunk);
      },
      () => code.append("\n"));
  }
}

function renderMath(root) {
  renderMathInElement(root, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "\\[", right: "\\]", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false },
    ],
    ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code"],
    throwOnError: false,
  });
}

// Typeset HTML put in the page later (the admin's live statement preview).
window.tjTypeset = (root) => { renderMath(root); highlightBlocks(root); };

document.addEventListener("DOMContentLoaded", () => {
  for (const root of document.querySelectorAll(".markdown")) { renderMath(root); highlightBlocks(root); }
  for (const textarea of document.querySelectorAll("textarea[data-editor]")) mountEditor(textarea);
});
