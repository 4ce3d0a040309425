// Sign-in: a token made with `npm run token -- create --role reader|editor` is checked with the
// API's `viewer` query and kept for this browser tab only (sessionStorage), never in a link.
// An editor gets the editing controls; a reader signs in only where reads need a token
// (REQUIRE_READ_TOKEN), which the explorer finds out by asking anonymously and being refused.
import { ApiError, gql, setToken } from './api.ts';
import { el } from './dom.ts';

const KEY = 'conflict-links-token';
const VIEWER = '{ viewer { name role } }';

export type SessionRole = 'anonymous' | 'reader' | 'editor';

/**
 * `bar`: the sign-in in the top bar; `gate`: the notice over the graph shown while this server
 * refuses anonymous reads. `onChange` hears each sign-in and sign-out.
 */
export function setUpSession(bar: HTMLElement, gate: HTMLElement, onChange: (role: SessionRole) => void): void {
  let viewer: { name: string; role: 'reader' | 'editor' } | null = null;
  let readsNeedToken = false;

  const signInForm = (message: string) => {
    const input = el('input', { type: 'password', placeholder: 'Token', 'aria-label': 'Token', 'data-testid': 'token-input', autocomplete: 'off' });
    const submit = el('button', { type: 'submit', 'data-testid': 'sign-in', text: 'Sign in' });
    const form = el('form', { class: 'sign-in' }, input, submit);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void signIn(input.value.trim());
    });
    return { form, input, error: message ? el('span', { class: 'error', role: 'alert', 'data-testid': 'sign-in-error', text: message }) : null };
  };

  const render = (message = '') => {
    gate.hidden = viewer !== null || !readsNeedToken;
    if (viewer) {
      const out = el('button', { type: 'button', class: 'link', 'data-testid': 'sign-out', text: 'sign out' });
      out.addEventListener('click', () => void signOut());
      const doing = viewer.role === 'editor' ? 'Editing' : 'Reading';
      bar.replaceChildren(el('span', { 'data-testid': 'signed-in-as', text: `${doing} as ${viewer.name} · ` }), out);
      gate.replaceChildren();
      return;
    }
    const { form, input, error } = signInForm(message);
    if (!readsNeedToken) {
      bar.replaceChildren(form, error ?? '');
      return;
    }
    bar.replaceChildren();
    gate.replaceChildren(
      el(
        'div',
        { class: 'gate-card', role: 'dialog', 'aria-labelledby': 'gate-title' },
        el('h2', { id: 'gate-title', text: 'Sign in to read' }),
        el('p', { text: "This server needs a token to read the graph. Paste a reader's or an editor's token; the server's operator makes them." }),
        form,
        error,
      ),
    );
    input.focus();
  };

  /** Asks without a token whether this server lets anonymous visitors read. */
  const learnWhetherReadsNeedToken = async () => {
    try {
      await gql(VIEWER);
      readsNeedToken = false;
    } catch (error) {
      readsNeedToken = error instanceof ApiError && error.code === 'UNAUTHENTICATED';
    }
  };

  const signIn = async (token: string, quiet = false) => {
    if (!token) return render('Paste a token first.');
    setToken(token);
    try {
      const answer = await gql<{ viewer: { name: string; role: string } | null }>(VIEWER);
      const role = answer.viewer?.role;
      if (!answer.viewer || (role !== 'reader' && role !== 'editor')) throw new Error('the server did not recognise that token.');
      viewer = { name: answer.viewer.name, role };
      sessionStorage.setItem(KEY, token);
      render();
      onChange(role);
    } catch (error) {
      setToken(null);
      sessionStorage.removeItem(KEY);
      await learnWhetherReadsNeedToken();
      render(quiet ? '' : `Not signed in: ${(error as Error).message}`);
    }
  };

  const signOut = async () => {
    sessionStorage.removeItem(KEY);
    setToken(null);
    viewer = null;
    await learnWhetherReadsNeedToken();
    render();
    onChange('anonymous');
  };

  const saved = sessionStorage.getItem(KEY);
  render();
  if (saved) void signIn(saved, true);
  else void learnWhetherReadsNeedToken().then(() => render());
}
