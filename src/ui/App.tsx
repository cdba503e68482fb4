/** The app shell: says what Kubeplay is; the terminal, editor and picture will live here. */
export function App() {
  return (
    <main className="app-shell" data-testid="app-shell" aria-labelledby="app-title">
      <header>
        <h1 id="app-title">Kubeplay</h1>
      </header>
      <p>
        A Kubernetes playground that runs entirely in your browser. A simulated control plane, a
        kubectl terminal, a YAML editor and a live picture of your cluster are coming. No server, no
        signup.
      </p>
    </main>
  )
}
