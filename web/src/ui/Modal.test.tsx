import { createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as ModalModule from './Modal';
import { importWithI18n } from './testRender';

/**
 * The modal's markup is what the dkfds script needs (`new Modal(element)`, `init()`, `show()` in
 * the browser): an `.fds-modal` drawn closed (`aria-hidden="true"`, the script opens it), the
 * close button in the `modal-header` marked `data-modal-close` (the script ties it to `hide`).
 */

let Modal: typeof ModalModule.Modal;
let ModalDialog: typeof ModalModule.ModalDialog;

beforeAll(async () => {
  ({ Modal, ModalDialog } = await importWithI18n(() => import('./Modal')));
});

const attribute = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

describe('Modal', () => {
  it('draws nothing while closed', () => {
    expect(
      renderToStaticMarkup(<Modal open={false} title="Fjern" onClose={() => undefined} />),
    ).toBe('');
  });

  it('draws the dkfds modal closed, for the script to show, with a close button it ties to hide', () => {
    const html = renderToStaticMarkup(
      <ModalDialog
        title="Vil du deaktivere brugeren?"
        describedBy="confirm-text"
        onClose={() => undefined}
        footer={<button type="button">Deaktiver</button>}
      >
        <p id="confirm-text">Brugeren kan ikke logge ind.</p>
      </ModalDialog>,
    );
    const modal = /^<div [^>]*>/.exec(html)?.[0] ?? '';
    expect(modal).toContain('class="fds-modal"');
    expect(modal).toContain('role="dialog"');
    expect(modal).toContain('aria-modal="true"');
    expect(modal).toContain('aria-hidden="true"');
    expect(modal).toContain('aria-describedby="confirm-text"');
    expect(modal).not.toContain('data-modal-forced-action');
    const heading = attribute(modal, 'aria-labelledby');
    expect(html).toContain(
      `<div class="modal-content"><div class="modal-header"><h2 class="modal-title" id="${heading}">Vil du deaktivere brugeren?</h2><button type="button" class="modal-close function-link" data-modal-close="">`,
    );
    expect(html).toContain('Luk</button></div><div class="modal-body"><p id="confirm-text">');
    expect(html).toContain(
      '<div class="modal-footer"><button type="button">Deaktiver</button></div>',
    );
  });

  it('has no close button when the user must choose in the footer', () => {
    const html = renderToStaticMarkup(
      <ModalDialog title="Vælg" forcedAction initialFocus={createRef()} onClose={() => undefined}>
        <p>Vælg en af knapperne.</p>
      </ModalDialog>,
    );
    expect(html).not.toContain('modal-close');
    expect(html).not.toContain('modal-footer');
  });
});
