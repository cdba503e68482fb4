#!/usr/bin/env node
// The `kubeplay` bin: Node 20 cannot run .ts itself, so this runs src/cli/kubeplay.ts under tsx.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const entry = fileURLToPath(new URL('../src/cli/kubeplay.ts', import.meta.url))
const result = spawnSync(
  process.execPath,
  ['--import', import.meta.resolve('tsx'), entry, ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
process.exitCode = result.status ?? 1
