/**
 * The parts of the dkfds script (`dkfds` v11, `dist/js/dkfds.js`) the web app uses. The package
 * ships no types. It is a webpack UMD bundle (CommonJS to the bundler, marked `__esModule` with no
 * default), so the app imports the parts by name; `ui/dkfdsScript.ts` holds them for the components.
 */
declare module 'dkfds' {
  /**
   * The modal on an `.fds-modal` element. `init` ties `[data-modal-close]` buttons inside it to
   * `hide`; `show` makes the rest of `body` inert (all but `.fds-modal-container` elements), adds
   * the `#modal-backdrop`, focuses the close button (or the title) and, unless the element has
   * `data-modal-forced-action`, closes on Escape and a click on the backdrop. Given an event,
   * `show` remembers its target and `hide` sends focus back to it. `hide` dispatches
   * `fds.modal.hidden` on the element, `show` `fds.modal.shown`.
   */
  export class Modal {
    constructor(element: HTMLElement);
    readonly $modal: HTMLElement;
    init(): void;
    show(event?: { target: HTMLElement } | null): void;
    hide(): void;
  }

  /**
   * The tabs of a `.tab-container` (`.tab-list` > `.tab-button` with `aria-controls`, and one
   * `.tab-panel` per button): `init` throws unless there are at least two of each and exactly one
   * button has `aria-selected="true"`. A click or the arrow keys, Home and End show a tab (its
   * panel loses `hidden`, the others get it) and dispatch `fds.tab.changed` on the container.
   */
  export class Tabs {
    constructor(container: HTMLElement);
    init(): void;
    activateTab(tab: HTMLElement, setFocus: boolean): void;
  }
}
