/** The `kubeplay` command line: argument parsing, usage and errors, apart from process I/O. */
import { parseClusterFlags } from './clusterFlags'
import { runScript, type RunFlags } from './run'

/** What the command line reads and writes; the entry point passes the real process. */
export interface CliIo {
  /** The file's text; throws (like fs.readFileSync) when it cannot be read. `-` means stdin. */
  readFile(path: string): string
  stdout(text: string): void
  stderr(text: string): void
}

/** The usage text printed by `--help` and after argument errors. */
export const usage = `Usage: kubeplay run FILE [flags]

Runs a script of kubectl commands against a fresh simulated cluster and prints a transcript.
FILE - reads the script from stdin.

Flags:
      --seed N          seed of the cluster's randomness (default 1)
      --nodes N         number of nodes, named node-1...node-N (default 2)
      --cpu QUANTITY    allocatable CPU of each node (default 4)
      --memory QUANTITY allocatable memory of each node (default 8Gi)
      --fail-fast       stop at the first command with a nonzero exit code and exit with it
  -h, --help            print this help
`

function usageError(io: CliIo, message: string): number {
  io.stderr(`kubeplay: ${message}\n\n${usage}`)
  return 2
}

/** Runs `kubeplay ARGS…`; returns the process exit code (2 for bad arguments or an unreadable file). */
export function kubeplayMain(argv: readonly string[], io: CliIo): number {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(usage)
    return 0
  }
  const [verb, ...rest] = argv
  if (verb === undefined) return usageError(io, 'missing command')
  if (verb !== 'run') return usageError(io, `unknown command "${verb}"`)
  const parsed = parseClusterFlags(rest)
  if (!parsed.ok) return usageError(io, parsed.error)
  const flags: RunFlags = { ...parsed.flags }
  const files: string[] = []
  for (const word of parsed.rest) {
    if (word === '--fail-fast') flags.failFast = true
    else if (word.startsWith('-') && word !== '-') return usageError(io, `unknown flag: ${word}`)
    else files.push(word)
  }
  const [file, extra] = files
  if (file === undefined) return usageError(io, 'run needs a script FILE (or - for stdin)')
  if (extra !== undefined) return usageError(io, `unexpected argument "${extra}"`)
  let text: string
  try {
    text = io.readFile(file)
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : ''
    const why =
      code === 'ENOENT' ? 'no such file or directory' : e instanceof Error ? e.message : String(e)
    io.stderr(`kubeplay: open ${file}: ${why}\n`)
    return 2
  }
  const result = runScript(text, flags)
  if (result.error !== undefined) {
    io.stderr(`kubeplay: ${file}: ${result.error}\n`)
    return 2
  }
  io.stdout(result.transcript)
  return result.exitCode
}
