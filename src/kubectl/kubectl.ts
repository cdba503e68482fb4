/** runKubectl: one terminal line in, what kubectl would print and its exit code out. */
import type { CommandResult, KubectlCommand, KubectlContext } from './command'
import { createCommand } from './commands/create'
import { deleteCommand } from './commands/delete'
import { exposeCommand } from './commands/expose'
import { getCommand } from './commands/get'
import { runCommand } from './commands/run'
import { scaleCommand } from './commands/scale'
import { globalFlags, tokenize } from './parser/index'

/** The command table: every kubectl command kubeplay knows. */
export const commands: readonly KubectlCommand[] = [
  getCommand,
  runCommand,
  createCommand,
  scaleCommand,
  deleteCommand,
  exposeCommand,
]

/** Finds a command by name or alias. */
export function findCommand(name: string): KubectlCommand | undefined {
  return commands.find((c) => c.name === name || c.aliases.includes(name))
}

/** Global flags that take a value as the next word (so that word is not the command name). */
function takesValue(arg: string): boolean {
  if (arg.includes('=')) return false
  const flag = arg.startsWith('--')
    ? globalFlags.find((f) => f.name === arg.slice(2))
    : arg.length === 2
      ? globalFlags.find((f) => f.shorthand === arg.slice(1))
      : undefined
  return flag !== undefined && flag.type !== 'bool'
}

/** cobra's findSuggestions: commands within Levenshtein distance 2, or that the word prefixes. */
// Mirrors github.com/spf13/cobra command.go SuggestionsFor
function suggestions(typed: string): string {
  const lower = typed.toLowerCase()
  const hits = commands
    .map((c) => c.name)
    .filter((n) => levenshtein(lower, n) <= 2 || n.startsWith(lower))
  return hits.length === 0 ? '' : `\n\nDid you mean this?\n${hits.map((h) => `\t${h}\n`).join('')}`
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost))
    }
    prev = cur
  }
  return prev[b.length] ?? 0
}

/**
 * Runs one kubectl line: tokenizes it, drops a leading `kubectl`, finds the command word past
 * any global flags (`kubectl -n dev get pods`) and runs the command with every other word.
 */
export function runKubectl(line: string, ctx: KubectlContext): CommandResult {
  const tokens = tokenize(line)
  if (!tokens.ok) return { stdout: '', stderr: `${tokens.error}\n`, exitCode: 2 }
  const words = tokens.args[0] === 'kubectl' ? tokens.args.slice(1) : tokens.args
  let at = -1
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? ''
    if (w === '--') break
    if (!w.startsWith('-') || w === '-') {
      at = i
      break
    }
    if (takesValue(w)) i++
  }
  const name = at >= 0 ? (words[at] ?? '') : ''
  if (at < 0) {
    const list = commands.map((c) => `  ${c.name}`).join('\n')
    return {
      stdout: `kubectl controls the Kubernetes cluster manager.\n\nCommands:\n${list}\n`,
      stderr: '',
      exitCode: 0,
    }
  }
  const command = findCommand(name)
  if (!command) {
    // kubectl 1.32 prints cobra's error without a usage hint and exits 1 (checked against the binary).
    return {
      stdout: '',
      stderr: `Error: unknown command "${name}" for "kubectl"${suggestions(name)}\n`,
      exitCode: 1,
    }
  }
  return command.run([...words.slice(0, at), ...words.slice(at + 1)], ctx)
}
