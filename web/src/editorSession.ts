// Editor sign-in: a token created with `npm run token -- create --role editor` is checked with
// the API's `viewer` query and kept for this browser tab only (sessionStorage), never in a link.
import { gql, setToken } from './api.ts';
import { el } from './dom.ts';

const KEY = 'conflict-links-token';

export interface EditorSession {
  isEditor(): boolean;
}

export function setUpEditorSession(container: HTMLElement, onChange: (editor: boolean) => void): EditorSession {
  let editorName: string | null = null;

  const render = (message = '') => {
    if (editorName) {
      const out = el('button', { type: 'button', class: 'link', 'data-testid': 'sign-out', text: 'sign out' });
      out.addEventListener('click', () => {
        sessionStorage.removeItem(KEY);
        setToken(null);
        editorName = null;
        render();
        onChange(false);
      });
      container.replaceChildren(el('span', { 'data-testid': 'editor-name', text: `Editing as ${editorName} · ` }), out);
      return;
    }
    const input = el('input', { type: 'password', placeholder: 'Editor token', 'aria-label': 'Editor token', 'data-testid': 'token-input', autocomplete: 'off' });
    const submit = el('button', { type: 'submit', 'data-testid': 'sign-in', text: 'Sign in to edit' });
    const form = el('form', { class: 'sign-in' }, input, submit, message ? el('span', { class: 'error', role: 'alert', text: message }) : null);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void signIn(input.value.trim());
    });
    container.replaceChildren(form);
  };

  const signIn = async (token: string, quiet = false) => {
    if (!token) return render('Paste a token first.');
    setToken(token);
    try {
      const { viewer } = await gql<{ viewer: { name: string; role: string } | null }>('{ viewer { name role } }');
      if (viewer?.role !== 'editor') throw new Error(`the token belongs to "${viewer?.name}", a ${viewer?.role}; editing needs an editor's token.`);
      editorName = viewer.name;
      sessionStorage.setItem(KEY, token);
      render();
      onChange(true);
    } catch (error) {
      setToken(null);
      sessionStorage.removeItem(KEY);
      render(quiet ? '' : `Not signed in: ${(error as Error).message}`);
    }
  };

  const saved = sessionStorage.getItem(KEY);
  render();
  if (saved) void signIn(saved, true);
  return { isEditor: () => editorName !== null };
}
