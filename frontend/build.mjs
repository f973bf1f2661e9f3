// Bundle the editor and KaTeX into platform/static/vendor/, which is committed: a fresh clone needs no npm.
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "platform", "static", "vendor");
mkdirSync(join(vendor, "katex"), { recursive: true });

await build({
  entryPoints: [join(here, "src", "editor.js")],
  outfile: join(vendor, "editor.bundle.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "linked",
});
const katex = join(here, "node_modules", "katex", "dist");
cpSync(join(katex, "katex.min.css"), join(vendor, "katex", "katex.min.css"));
cpSync(join(katex, "fonts"), join(vendor, "katex", "fonts"), { recursive: true });
console.log(`wrote ${vendor}`);
