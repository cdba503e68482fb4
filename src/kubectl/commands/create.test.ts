import { describe, expect, test } from 'vitest'
import { runKubectl } from '../kubectl'
import { webCluster } from '../testCluster'
import { containerName } from './create'

interface Row {
  name: string
  setup?: string[]
  line: string
  stdout: string
  stderr?: string
  exitCode?: number
}

const rows: Row[] = [
  {
    name: 'CREATE-1 deployment',
    line: 'kubectl create deployment api --image=nginx --replicas=3',
    stdout: 'deployment.apps/api created\n',
  },
  {
    name: 'CREATE-1 the object kubectl builds',
    line: 'kubectl create deployment web --image=registry.io/foo/nginx:1.25 --replicas=3 --port=80 --dry-run=client -o yaml',
    stdout: `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: registry.io/foo/nginx:1.25
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`,
  },
  {
    name: 'CREATE-1 AlreadyExists',
    line: 'kubectl create deployment web --image=nginx',
    stdout: '',
    stderr: 'Error from server (AlreadyExists): deployments.apps "web" already exists\n',
    exitCode: 1,
  },
  {
    name: 'CREATE-1 --image is required',
    line: 'kubectl create deployment api',
    stdout: '',
    stderr: 'error: required flag(s) "image" not set\n',
    exitCode: 1,
  },
  {
    name: 'CREATE-2 namespace',
    line: 'kubectl create namespace dev',
    stdout: 'namespace/dev created\n',
  },
  {
    name: 'CREATE-2 deployment into a new namespace with -n',
    setup: ['kubectl create ns dev'],
    line: 'kubectl create deployment api --image=nginx -n dev',
    stdout: 'deployment.apps/api created\n',
  },
  {
    name: 'CREATE-2 namespace needs exactly one NAME',
    line: 'kubectl create namespace',
    stdout: '',
    stderr:
      "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n",
    exitCode: 1,
  },
  {
    name: 'CREATE-2 namespace dry-run yaml',
    line: 'kubectl create namespace dev --dry-run=client -o yaml',
    stdout:
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev\nspec: {}\nstatus: {}\n',
  },
]

describe('kubectl create', () => {
  test.each(rows)('$name', ({ setup = [], line, stdout, stderr = '', exitCode = 0 }) => {
    const ctx = webCluster()
    for (const s of setup) runKubectl(s, ctx)
    expect(runKubectl(line, ctx)).toEqual({ stdout, stderr, exitCode })
  })

  test.each([
    { name: 'tag', image: 'nginx:1.25', want: 'nginx' },
    { name: 'registry path', image: 'ghcr.io/org/my_app:v1', want: 'my-app' },
    { name: 'digest', image: 'busybox@sha256:abc', want: 'busybox' },
  ])('CREATE-3 container name from image ($name)', ({ image, want }) => {
    expect(containerName(image)).toBe(want)
  })
})
