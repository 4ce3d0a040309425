// A reader's match choices, remembered in this browser per portfolio name (an editor's are
// saved on the server with decideMatch, for everyone). Sent with each screening of that
// portfolio, where they win over saved ones.
import type { Choice } from './screeningQueries.ts';

const KEY = (portfolio: string) => `conflict-links-choices:${portfolio}`;

export function loadChoices(portfolio: string): Map<string, Choice> {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY(portfolio)) ?? '{}') as Record<string, Choice>;
    return new Map(Object.entries(raw).filter(([, c]) => c && ('entityId' in c ? typeof c.entityId === 'string' : c.reject === true)));
  } catch {
    return new Map();
  }
}

export function saveChoices(portfolio: string, choices: ReadonlyMap<string, Choice>): void {
  localStorage.setItem(KEY(portfolio), JSON.stringify(Object.fromEntries(choices)));
}

/** The API's MatchDecisionInput list. */
export function decisionsInput(choices: ReadonlyMap<string, Choice>) {
  return [...choices].map(([holdingKey, c]) => ('entityId' in c ? { holdingKey, entityId: c.entityId } : { holdingKey, reject: true }));
}
