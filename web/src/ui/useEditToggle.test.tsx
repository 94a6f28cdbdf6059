import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEditToggle } from './useEditToggle';

/** The edit toggle without a DOM: the button's id in the markup, focus asked of a stand-in. */
function opened(): ReturnType<typeof useEditToggle> & { html: string } {
  let toggle: ReturnType<typeof useEditToggle> | undefined;
  function Harness() {
    toggle = useEditToggle();
    return (
      <button type="button" id={toggle.openerId} onClick={toggle.open}>
        Ret
      </button>
    );
  }
  const html = renderToStaticMarkup(<Harness />);
  if (!toggle) throw new Error('not rendered');
  return { ...toggle, html };
}

afterEach(() => vi.unstubAllGlobals());

describe('useEditToggle', () => {
  it('gives focus back to the button that opened the edit when the edit is cancelled', () => {
    const toggle = opened();
    expect(toggle.html).toContain(`id="${toggle.openerId}"`);
    const button = { tabIndex: 0, hasAttribute: () => true, setAttribute: vi.fn(), focus: vi.fn() };
    const getElementById = vi.fn((id: string) => (id === toggle.openerId ? button : null));
    vi.stubGlobal('document', { getElementById });
    vi.stubGlobal('requestAnimationFrame', (step: () => void) => step());
    toggle.cancel();
    expect(getElementById).toHaveBeenCalledWith(toggle.openerId);
    expect(button.focus).toHaveBeenCalledOnce();
  });

  it('moves no focus when the edit closes after a save (the caller sends it on)', () => {
    const toggle = opened();
    const getElementById = vi.fn();
    vi.stubGlobal('document', { getElementById });
    vi.stubGlobal('requestAnimationFrame', (step: () => void) => step());
    toggle.close();
    expect(getElementById).not.toHaveBeenCalled();
  });
});
