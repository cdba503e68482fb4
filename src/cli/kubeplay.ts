/** `kubeplay run FILE`: the Node entry (`npm run kubeplay -- run FILE`, or bin/kubeplay.mjs). */
import { readFileSync } from 'node:fs'
import { kubeplayMain } from './kubeplayMain'

process.exitCode = kubeplayMain(process.argv.slice(2), {
  // File descriptor 0 is stdin, so `-` reads the script piped in.
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
