/** Placeholder task pane root; the UI engineer replaces it with the real pane. */
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Registre SPASER</h1>
    </main>
  );
}

const container = document.getElementById('container');
if (container) createRoot(container).render(<App />);
