/** The kubectl command table's types: every command is data (STYLE.md "Commands ... are data"). */
import type { ApiRequest, ApiResponse } from '../cluster/index'
import type { FlagSpec } from './parser/index'

/** What a command may use: the cluster's API door, the virtual clock and the current namespace. */
export interface KubectlContext {
  /** The cluster's handle(): kubectl is a client and never touches the store. */
  handle(req: ApiRequest): ApiResponse
  /** Virtual time in ms since the epoch (ages are computed against it). */
  now(): number
  /** The kubeconfig context's namespace, used when -n is not given. */
  namespace: string
}

/** What running a command produced, as a terminal shows it. */
export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** One kubectl command: name, aliases, its own flags (globals are added by the caller), usage and run. */
export interface KubectlCommand {
  readonly name: string
  readonly aliases: readonly string[]
  /** The command's own flags; run() parses them together with globalFlags. */
  readonly flags: readonly FlagSpec[]
  /** cobra's Use line, e.g. `get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] ...)`. */
  readonly usage: string
  /** Runs with the arguments after the command name (flags anywhere among them). */
  run(args: readonly string[], ctx: KubectlContext): CommandResult
}

/** A result with only stdout and exit code 0. */
export function ok(stdout: string, stderr = ''): CommandResult {
  return { stdout, stderr, exitCode: 0 }
}

/** A failed result: stderr text (newline-terminated by the caller) and exit code 1. */
export function fail(stderr: string, stdout = ''): CommandResult {
  return { stdout, stderr, exitCode: 1 }
}

/** The result of a command that acted on several objects: what it printed, then one line per error (exit 1 if any). */
export function collected(stdout: string, errors: readonly string[]): CommandResult {
  return {
    stdout,
    stderr: errors.map((e) => `${e}\n`).join(''),
    exitCode: errors.length > 0 ? 1 : 0,
  }
}
