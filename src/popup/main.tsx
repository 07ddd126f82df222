import { render } from 'preact';

render(<main>…</main>, document.getElementById('app')!);
