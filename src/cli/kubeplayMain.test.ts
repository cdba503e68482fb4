import { describe, expect, test } from 'vitest'
import { kubeplayMain, usage } from './kubeplayMain'

function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const code = kubeplayMain(argv, {
    readFile: (path) => {
      const text = files[path]
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
      return text
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  })
  return { code, stdout, stderr }
}

const files = {
  'ok.sh': 'kubectl get nodes -o name\n',
  'bad.sh': 'kubectl nope\nkubectl get nodes -o name\n',
  '-': 'sleep 1\n',
}

describe('kubeplayMain', () => {
  const rows = [
    { name: 'help', argv: ['--help'], code: 0, stdout: usage, stderr: '' },
    {
      name: 'no command',
      argv: [],
      code: 2,
      stdout: '',
      stderr: `kubeplay: missing command\n\n${usage}`,
    },
    {
      name: 'unknown command',
      argv: ['walk'],
      code: 2,
      stdout: '',
      stderr: `kubeplay: unknown command "walk"\n\n${usage}`,
    },
    {
      name: 'missing FILE',
      argv: ['run'],
      code: 2,
      stdout: '',
      stderr: `kubeplay: run needs a script FILE (or - for stdin)\n\n${usage}`,
    },
    {
      name: 'unknown flag',
      argv: ['run', 'ok.sh', '--x'],
      code: 2,
      stdout: '',
      stderr: `kubeplay: unknown flag: --x\n\n${usage}`,
    },
    {
      name: 'flag without value',
      argv: ['run', 'ok.sh', '--seed'],
      code: 2,
      stdout: '',
      stderr: `kubeplay: flag needs an argument: --seed\n\n${usage}`,
    },
    {
      name: 'file not found',
      argv: ['run', 'gone.sh'],
      code: 2,
      stdout: '',
      stderr: 'kubeplay: open gone.sh: no such file or directory\n',
    },
    {
      name: 'parse error',
      argv: ['run', 'x.sh'],
      code: 2,
      stdout: '',
      stderr: 'kubeplay: x.sh: line 1: sleep: missing operand\n',
      files: { 'x.sh': 'sleep\n' },
    },
    {
      name: 'runs with --nodes',
      argv: ['run', '--nodes', '1', 'ok.sh'],
      code: 0,
      stdout: '$ kubectl get nodes -o name\nnode/node-1\n',
      stderr: '',
    },
    { name: 'stdin as -', argv: ['run', '-'], code: 0, stdout: '$ sleep 1\n', stderr: '' },
    {
      name: 'failing step without --fail-fast exits 0',
      argv: ['run', 'bad.sh', '--nodes=1'],
      code: 0,
      stdout:
        '$ kubectl nope\nError: unknown command "nope" for "kubectl"\n$ kubectl get nodes -o name\nnode/node-1\n',
      stderr: '',
    },
    {
      name: '--fail-fast exits with the code',
      argv: ['run', 'bad.sh', '--fail-fast'],
      code: 1,
      stdout: '$ kubectl nope\nError: unknown command "nope" for "kubectl"\n',
      stderr: '',
    },
  ]
  test.each(rows)('RUN-9 $name', (row) => {
    expect(run(row.argv, { ...files, ...row.files })).toEqual({
      code: row.code,
      stdout: row.stdout,
      stderr: row.stderr,
    })
  })
})
