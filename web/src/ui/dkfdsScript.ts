import type { Modal, Tabs } from 'dkfds';

/**
 * The dkfds script, handed over by the app's entry (main.tsx) before the first render. The
 * components (`Modal`, `Tabs`) never import it themselves: loading it needs a browser (it touches
 * `window` as it loads), and the unit tests render them to markup in Node, where no effect runs.
 */
export interface DkfdsScript {
  Modal: typeof Modal;
  Tabs: typeof Tabs;
}

let script: DkfdsScript | undefined;

/** Called once by main.tsx with the parts of the loaded `dkfds` module. */
export function provideDkfdsScript(loaded: DkfdsScript): void {
  script = loaded;
}

/** The dkfds script; a component's effect calls this, so it only runs in the browser. */
export function dkfdsScript(): DkfdsScript {
  if (!script) throw new Error('The dkfds script was not provided (main.tsx)');
  return script;
}
