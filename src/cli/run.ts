/** runScript: a `kubeplay run` script against a fresh cluster, printed as a terminal transcript. */
import { createCluster } from '../cluster/index'
import type { KubectlContext } from '../kubectl/command'
import { runKubectl } from '../kubectl/kubectl'
import { mergeClusterFlags, type ClusterFlags } from './clusterFlags'
import { parseScript } from './script'

/** Virtual time each step takes to type before it runs: a fixed 1 s, so transcripts are stable. */
export const TYPING_DELAY_MS = 1000

/** Command-line options of `kubeplay run`: cluster flags (over the directive) and --fail-fast. */
export interface RunFlags extends ClusterFlags {
  failFast?: boolean
}

/** The transcript and exit code; `error` (exit code 2, empty transcript) when the script does not parse. */
export interface RunResult {
  transcript: string
  exitCode: number
  error?: string
}

/** A kubectl context that also carries a heredoc's body, for commands that read `-f -`. */
type ContextWithStdin = KubectlContext & { stdin?: string }

/** Text as a terminal leaves it: a following prompt starts on a new line. */
function terminated(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`
}

/**
 * Runs a script: creates nodes node-1…node-N, then for every step advances the typing delay,
 * prints `$ <step as written>` and the command's stdout then stderr. `sleep` advances its
 * duration. With `failFast` the run stops at the first nonzero exit code, which it returns;
 * otherwise the exit code is 0 (failing commands are part of what a scenario shows).
 */
export function runScript(text: string, flags: RunFlags = {}): RunResult {
  const parsed = parseScript(text)
  if (!parsed.ok) return { transcript: '', exitCode: 2, error: parsed.error }
  const opts = mergeClusterFlags(parsed.directive, flags)
  const cluster = createCluster({
    seed: opts.seed,
    nodes: Array.from({ length: opts.nodes }, (_, i) => ({
      name: `node-${i + 1}`,
      cpu: opts.cpu,
      memory: opts.memory,
    })),
  })
  let transcript = ''
  for (const step of parsed.steps) {
    cluster.advance(TYPING_DELAY_MS)
    transcript += `$ ${step.display}\n`
    if (step.kind === 'sleep') {
      cluster.advance(step.ms)
      continue
    }
    const ctx: ContextWithStdin = {
      handle: (req) => cluster.handle(req),
      now: () => cluster.now(),
      namespace: 'default',
    }
    if (step.stdin !== undefined) ctx.stdin = step.stdin
    const out = runKubectl(step.command, ctx)
    transcript += terminated(out.stdout) + terminated(out.stderr)
    if (flags.failFast && out.exitCode !== 0) return { transcript, exitCode: out.exitCode }
  }
  return { transcript, exitCode: 0 }
}
