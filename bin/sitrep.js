#!/usr/bin/env node
// The `sitrep` command. sitrep is TypeScript run by Node's own type stripping (Node >= 22.18,
// or 22.13 with a flag). When an older system Node runs this shim, it hands over to the
// Node 24 that the project pins as a dev dependency.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const main = join(root, "src", "cli", "main.ts");

if (process.features.typescript) {
  await import(main);
} else {
  const pinned = join(root, "node_modules", "node", "bin", "node");
  const [major, minor] = process.versions.node.split(".").map(Number);
  const canFlag = major > 22 || (major === 22 && minor >= 13);
  const node = canFlag ? process.execPath : existsSync(pinned) ? pinned : null;
  if (!node) {
    process.stderr.write(
      `sitrep: needs Node >= 22.13 (this is ${process.versions.node}); run \`npm install\` to get the pinned Node 24\n`,
    );
    process.exit(2);
  }
  const flags = canFlag ? ["--experimental-strip-types", "--no-warnings"] : [];
  const r = spawnSync(node, [...flags, main, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}
