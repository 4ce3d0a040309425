// The shortcuts that let matching and exposure scale to 10,000 holdings change no result: the
// banded edit distance, the bounds that skip names, the bounded search against scoring every
// name, and one entity's ball of claims out of a walk from many.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { WalkEdge } from '../../api/complicity/score.ts';
import { ballOf } from '../../api/portfolio/exposures.ts';
import { letterCounts, NameIndex } from '../../api/portfolio/nameIndex.ts';
import { buildMatchIndex, matchOptions, MATCHING, type Candidate } from '../../api/portfolio/matching.ts';
import { containment, editDistance, editDistanceWithin, nameVariants, normaliseName, similarity, spellingSimilarity, spellingSimilarityBound, trigrams } from '../../api/portfolio/names.ts';
import type { Holding } from '../../api/portfolio/holdings.ts';

const word = fc.stringMatching(/^[a-e0-2]{1,6}$/);
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

test('the banded edit distance is the edit distance up to its limit, and limit + 1 past it', () => {
  fc.assert(
    fc.property(name, name, fc.integer({ min: 0, max: 8 }), (a, b, max) => {
      const d = editDistance(a, b);
      assert.equal(editDistanceWithin(a, b, max), d <= max ? d : max + 1);
    }),
    { numRuns: 3000 },
  );
  assert.equal(editDistance('nrthwind', 'northwind'), 1);
  assert.equal(editDistance('microsfot', 'microsoft'), 1, 'a transposition is one edit');
});

test('the spelling bound from trigrams and letters is never below the spelling similarity', () => {
  fc.assert(
    fc.property(name, name, (a, b) => {
      const index = new NameIndex<string>();
      index.add('b', [{ text: b, normalised: b, alias: false }]);
      const ga = trigrams(a);
      const gb = trigrams(b);
      const common = [...ga].filter((g) => gb.has(g)).length;
      const minEdits = Math.max(Math.ceil(Math.max(ga.size - common, gb.size - common) / 4), index.bagDistance(0, letterCounts(a)));
      assert.ok(minEdits <= editDistance(a, b), `${a} / ${b}: at least ${minEdits} edits, but ${editDistance(a, b)}`);
      assert.ok(spellingSimilarityBound(a.length, b.length, minEdits) >= spellingSimilarity(a, b) - 1e-12);
    }),
    { numRuns: 3000 },
  );
});

/** The options by scoring every name of every candidate with the documented rules: no index, no shortcut. */
function everyNameScored(holding: string, candidates: Candidate[]): { entityId: string; score: number }[] {
  const best = new Map<string, number>();
  for (const variant of nameVariants(holding)) {
    const n = normaliseName(variant);
    if (!n) continue;
    for (const c of candidates) {
      for (const [text, alias] of [[c.name, false], ...c.aliases.map((a) => [a, true] as const)] as const) {
        const m = normaliseName(text);
        if (!m) continue;
        let score = 0;
        if (m === n) score = alias ? MATCHING.exactAlias : MATCHING.exactName;
        else {
          const fuzzy = MATCHING.fuzzy * Math.max(similarity(trigrams(n), trigrams(m)), spellingSimilarity(n, m));
          const contained = containment(n, m);
          const byWords = contained > 0 ? MATCHING.containedBase + MATCHING.containedScale * contained : 0;
          score = Math.max(fuzzy >= MATCHING.offer ? fuzzy : 0, byWords >= MATCHING.offer ? byWords : 0);
        }
        if (score > 0) best.set(c.id, Math.max(best.get(c.id) ?? 0, Number(score.toFixed(3))));
      }
    }
  }
  return [...best].map(([entityId, score]) => ({ entityId, score })).sort((a, b) => b.score - a.score);
}

test('the bounded name search finds the options that scoring every name finds', () => {
  // Numbered look-alike names, like a generated graph's: the case the shortcuts are for.
  const stems = ['Northwind Cloud', 'Northwind Networks', 'Contoso Cloud', 'Fabrikam Analytics', 'Tailspin Cloud Systems'];
  const candidates: Candidate[] = [];
  for (let i = 0; i < 300; i++) {
    const stem = stems[i % stems.length]!;
    candidates.push({ id: `c${i}`, name: `${stem} ${String(i).padStart(4, '0')}`, type: 'Company', aliases: i % 7 === 0 ? [stem.split(' ')[0]!] : [] });
  }
  const index = buildMatchIndex(candidates);
  const holding = (text: string): Holding => ({ line: 2, name: text, isin: null, ticker: null, lei: null, weight: null, value: null });
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 299 }), fc.integer({ min: 0, max: 4 }), fc.nat(), (i, kind, at) => {
      const real = candidates[i]!.name;
      const pos = 1 + (at % (real.length - 2));
      const text = [real.slice(0, pos) + real.slice(pos + 1), real.slice(0, pos) + real[pos + 1] + real[pos] + real.slice(pos + 2), `${real} Inc.`, real.split(' ').slice(0, 2).join(' '), 'Imaginary Widgets 0042'][kind]!;
      const found = matchOptions(holding(text), index);
      const expected = everyNameScored(text, candidates);
      // Exact names and aliases end the search (look-alikes could not change the match): compare those alone then.
      const decided = (expected[0]?.score ?? 0) >= 0.89;
      const scores = (list: { score: number }[]) => list.filter((o) => !decided || o.score >= 0.89).slice(0, MATCHING.maxOptions).map((o) => o.score);
      assert.deepEqual(scores(found), scores(expected), text);
      // Every option returned is one of the best, and scored as the rules score it.
      for (const o of found) assert.equal(o.score, expected.find((e) => e.entityId === o.entityId)?.score, `${text}: ${o.entityId}`);
    }),
    { numRuns: 400 },
  );
});

const edge = (from: string, to: string, toType = 'Company'): WalkEdge => ({
  claimId: `${from}-${to}`,
  relation: 'OWNS',
  direction: 'forward',
  from,
  fromType: 'Company',
  to,
  toType,
  status: 'reported',
  confidence: null,
});

test("one entity's ball out of a walk from many holds exactly the claims within its hops", () => {
  // a -> b -> c -> d -> e, and x -> c: from x, c is one hop away, from a two.
  const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('d', 'e'), edge('x', 'c')];
  const byFrom = new Map<string, WalkEdge[]>();
  for (const e of edges) byFrom.set(e.from, [...(byFrom.get(e.from) ?? []), e]);
  const ids = (ball: WalkEdge[]) => ball.map((e) => e.claimId).sort();
  assert.deepEqual(ids(ballOf('a', byFrom, 2)), ['a-b', 'b-c']);
  assert.deepEqual(ids(ballOf('x', byFrom, 2)), ['c-d', 'x-c']);
  assert.deepEqual(ids(ballOf('a', byFrom, 4)), ['a-b', 'b-c', 'c-d', 'd-e']);
});
