import { describe, expect, test } from 'vitest'
import { parseScript, parseSleepOperand, type ParseScriptResult } from './script'

const ok = (steps: unknown[], directive = {}): ParseScriptResult =>
  ({ ok: true, directive, steps }) as ParseScriptResult

describe('parseScript', () => {
  const rows: { name: string; text: string; want: ParseScriptResult }[] = [
    {
      name: 'comments and blank lines are skipped',
      text: '# a comment\n\n   # indented\nkubectl get pods\n',
      want: ok([
        { kind: 'kubectl', line: 4, display: 'kubectl get pods', command: 'kubectl get pods' },
      ]),
    },
    {
      name: 'directive on the first lines, merged',
      text: '# kubeplay: --seed 7 --nodes 3\n# kubeplay: --cpu=4 --memory 8Gi\nkubectl get nodes',
      want: ok(
        [{ kind: 'kubectl', line: 3, display: 'kubectl get nodes', command: 'kubectl get nodes' }],
        {
          seed: 7,
          nodes: 3,
          cpu: '4',
          memory: '8Gi',
        },
      ),
    },
    {
      name: 'heredoc body becomes stdin, operator removed',
      text: 'kubectl apply -f - <<EOF\nkind: Namespace\n  name: dev\nEOF\nkubectl get ns',
      want: ok([
        {
          kind: 'kubectl',
          line: 1,
          display: 'kubectl apply -f - <<EOF\nkind: Namespace\n  name: dev\nEOF',
          command: 'kubectl apply -f -',
          stdin: 'kind: Namespace\n  name: dev\n',
        },
        { kind: 'kubectl', line: 5, display: 'kubectl get ns', command: 'kubectl get ns' },
      ]),
    },
    {
      name: "quoted delimiter word <<'END'",
      text: "kubectl apply -f - <<'END'\na: $HOME\nEND",
      want: ok([
        {
          kind: 'kubectl',
          line: 1,
          display: "kubectl apply -f - <<'END'\na: $HOME\nEND",
          command: 'kubectl apply -f -',
          stdin: 'a: $HOME\n',
        },
      ]),
    },
    {
      name: '<<- strips leading tabs',
      text: 'kubectl apply -f - <<-EOF\n\tkind: Pod\n\tEOF',
      want: ok([
        {
          kind: 'kubectl',
          line: 1,
          display: 'kubectl apply -f - <<-EOF\n\tkind: Pod\n\tEOF',
          command: 'kubectl apply -f -',
          stdin: 'kind: Pod\n',
        },
      ]),
    },
    {
      name: '<< inside quotes is not a heredoc',
      text: "kubectl get pods -l 'a<<b'",
      want: ok([
        {
          kind: 'kubectl',
          line: 1,
          display: "kubectl get pods -l 'a<<b'",
          command: "kubectl get pods -l 'a<<b'",
        },
      ]),
    },
    {
      name: 'line continuation joins lines',
      text: 'kubectl get \\\n  pods \\\n  -A\nsleep 2m',
      want: ok([
        {
          kind: 'kubectl',
          line: 1,
          display: 'kubectl get \\\n  pods \\\n  -A',
          command: 'kubectl get   pods   -A',
        },
        { kind: 'sleep', line: 4, display: 'sleep 2m', ms: 120_000 },
      ]),
    },
    {
      name: 'sleep forms: plain seconds, Go duration, several operands summed',
      text: 'sleep 5\nsleep 1m30s\nsleep 1m 30s\nsleep 500ms\nsleep 1.5',
      want: ok([
        { kind: 'sleep', line: 1, display: 'sleep 5', ms: 5000 },
        { kind: 'sleep', line: 2, display: 'sleep 1m30s', ms: 90_000 },
        { kind: 'sleep', line: 3, display: 'sleep 1m 30s', ms: 90_000 },
        { kind: 'sleep', line: 4, display: 'sleep 500ms', ms: 500 },
        { kind: 'sleep', line: 5, display: 'sleep 1.5', ms: 1500 },
      ]),
    },
    {
      name: 'bad sleep',
      text: 'kubectl get pods\n\nsleep x',
      want: { ok: false, error: "line 3: sleep: invalid time interval 'x'" },
    },
    {
      name: 'negative sleep',
      text: 'sleep -1',
      want: { ok: false, error: "line 1: sleep: invalid time interval '-1'" },
    },
    {
      name: 'sleep without operand',
      text: 'sleep',
      want: { ok: false, error: 'line 1: sleep: missing operand' },
    },
    {
      name: 'unterminated heredoc',
      text: 'kubectl apply -f - <<EOF\nkind: Pod',
      want: { ok: false, error: "line 1: here-document delimited by end-of-file (wanted 'EOF')" },
    },
    {
      name: 'other commands are rejected',
      text: 'kubectl get pods\necho hi',
      want: {
        ok: false,
        error:
          'line 2: unsupported command "echo": a script holds kubectl commands, sleep, comments and heredocs',
      },
    },
    {
      name: 'directive after the first command',
      text: 'kubectl get pods\n# kubeplay: --seed 2',
      want: {
        ok: false,
        error: 'line 2: # kubeplay: directive must come before the first command',
      },
    },
    {
      name: 'bad directive value',
      text: '# kubeplay: --nodes zero',
      want: {
        ok: false,
        error: 'line 1: # kubeplay: invalid argument "zero" for "--nodes": want a positive integer',
      },
    },
    {
      name: 'bad directive quantity',
      text: '# kubeplay: --memory 8GB',
      want: {
        ok: false,
        error: 'line 1: # kubeplay: invalid argument "8GB" for "--memory": not a quantity',
      },
    },
  ]
  test.each(rows)('RUN-1 $name', ({ text, want }) => {
    expect(parseScript(text)).toEqual(want)
  })
})

describe('parseSleepOperand', () => {
  const rows = [
    { name: 'seconds suffix', word: '30s', want: 30_000 },
    { name: 'hours', word: '1h', want: 3_600_000 },
    { name: 'days (coreutils)', word: '1d', want: 86_400_000 },
    { name: 'no unit', word: '0', want: 0 },
    { name: 'garbage', word: '1x', want: undefined },
  ]
  test.each(rows)('RUN-2 $name', ({ word, want }) => {
    expect(parseSleepOperand(word)).toBe(want)
  })
})
