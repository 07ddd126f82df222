// The bench's baseline page: an extension page that loads one module script and paints one
// element, so `npm run bench` can tell what opening any page of the extension costs from what
// the popup adds. Only the bench build (`vite build --mode bench-chrome|bench-firefox`) has it.
const painted = document.createElement('p');
painted.dataset.testid = 'bench-blank';
painted.textContent = 'blank';
document.getElementById('app')?.append(painted);
