// The status line over the graph: what is loading, what went wrong, what is shown.
export type StatusKind = 'idle' | 'loading' | 'error' | 'info';

export function showStatus(element: HTMLElement, kind: StatusKind, text: string): void {
  element.dataset.state = kind;
  element.textContent = text;
  element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  element.hidden = text === '';
}
