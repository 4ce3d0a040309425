// Portfolio matching: identifiers, names with punctuation and legal suffixes, aliases,
// ambiguity, remembered decisions, and quality on a labelled list built from the seed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../api/config.ts';
import { validateDataset } from '../../api/exchange/dataset.ts';
import { shippedCompanies } from '../../seed/shippedLists.ts';
import { readCsv } from '../../api/exchange/formats/csvText.ts';
import { evaluateMatching } from '../../api/portfolio/evaluate.ts';
import { parseHoldings, type Holding } from '../../api/portfolio/holdings.ts';
import { isValidIsin, isValidLei } from '../../api/domain/identifiers.ts';
import { buildMatchIndex, holdingKey, matchHolding, type Candidate } from '../../api/portfolio/matching.ts';
import { normaliseName } from '../../api/portfolio/names.ts';

function seedCandidates(): Candidate[] {
  const raw = JSON.parse(readFileSync(join(projectRoot, 'seed/seed-facts.json'), 'utf8'));
  const result = validateDataset(raw, 'seed-facts.json');
  assert.ok(result.ok);
  return result.dataset.entities
    .filter((e) => e.type === 'Company' || e.type === 'Investor')
    .map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: (e.props.aliases as string[] | undefined) ?? [] }));
}

const holding = (fields: Partial<Holding>): Holding => ({ line: 2, name: null, isin: null, ticker: null, lei: null, weight: null, value: null, ...fields });

// Fictional listed companies with valid identifiers (check digits computed, not real ones).
const fictional: Candidate[] = [
  { id: 'acme', name: 'Acme Widgets Inc.', type: 'Company', aliases: ['Acme'], isin: 'XA0000000017', lei: '9999SYN0000000000127', ticker: 'ACME' },
  { id: 'acme-robotics', name: 'Acme Robotics', type: 'Company', aliases: [], ticker: 'ACMR' },
  { id: 'globex', name: 'Globex Corporation', type: 'Company', aliases: [], ticker: 'GBX' },
  { id: 'globex-sa', name: 'Globex S.A.', type: 'Company', aliases: [], ticker: 'GBX' },
];

test('names lose case, accents, punctuation and legal forms, but keep their words', () => {
  assert.equal(normaliseName('Meta Platforms, Inc.'), 'meta platforms');
  assert.equal(normaliseName('Telenor A.S.A.'), 'telenor');
  assert.equal(normaliseName('Investcom Pte. Ltd.'), 'investcom');
  assert.equal(normaliseName('Société Générale S.A.'), 'societe generale');
  assert.equal(normaliseName('AT&T Inc'), 'at and t');
  assert.equal(normaliseName('The Company'), 'company', 'a name that is only legal words keeps one');
  assert.equal(normaliseName('Group M Holdings'), 'group m', 'a leading legal word is kept');
});

test('identifiers are checked before they are trusted', () => {
  assert.ok(isValidIsin('XA0000000017'));
  assert.ok(!isValidIsin('XA0000000019'), 'wrong check digit');
  assert.ok(!isValidIsin('XA00000018'), 'too short');
  assert.ok(isValidLei('9999SYN0000000000127'));
  assert.ok(!isValidLei('9999SYN0000000000147'));
});

test('the synthetic generator writes identifiers that pass the checks', async () => {
  const { generateDataset } = await import('../../seed/generate.ts');
  const listed = generateDataset({ nodes: 2000, seed: 7 }).entities.filter((e) => e.isin);
  assert.ok(listed.length > 10);
  for (const e of listed) {
    assert.ok(isValidIsin(e.isin as string), `${e.isin}`);
    assert.ok(isValidLei(e.lei as string), `${e.lei}`);
  }
});

test('an exact identifier wins over any name', () => {
  const index = buildMatchIndex(fictional);
  const byIsin = matchHolding(holding({ name: 'Some other name', isin: 'XA0000000017' }), index);
  assert.equal(byIsin.status, 'matched');
  assert.equal(byIsin.entityId, 'acme');
  assert.match(byIsin.options[0]!.reason, /ISIN XA0000000017/);
  assert.equal(matchHolding(holding({ lei: '9999SYN0000000000127' }), index).entityId, 'acme');
  assert.equal(matchHolding(holding({ ticker: 'acme' }), index).entityId, 'acme');
});

test('a ticker two companies share is ambiguous, not guessed', () => {
  const result = matchHolding(holding({ ticker: 'GBX' }), buildMatchIndex(fictional));
  assert.equal(result.status, 'ambiguous');
  assert.equal(result.entityId, null);
  assert.deepEqual(result.options.map((o) => o.entityId).sort(), ['globex', 'globex-sa']);
});

test('two companies with the same name once legal forms go are ambiguous', () => {
  const result = matchHolding(holding({ name: 'Globex' }), buildMatchIndex(fictional));
  assert.equal(result.status, 'ambiguous');
  assert.equal(result.options.length, 2);
});

test('aliases match, with the alias named in the reason', () => {
  const result = matchHolding(holding({ name: 'Facebook, Inc.' }), buildMatchIndex(seedCandidates()));
  assert.equal(result.status, 'matched');
  assert.equal(result.entityId, 'meta');
  assert.match(result.options[0]!.reason, /alias of Meta Platforms/);
});

test('a weak resemblance is offered for confirmation, never matched', () => {
  const result = matchHolding(holding({ name: 'Acme Robots' }), buildMatchIndex(fictional));
  assert.notEqual(result.status, 'matched');
  assert.equal(result.options[0]!.entityId, 'acme-robotics');
  assert.match(result.options[0]!.reason, /spelled like "Acme Robotics"/);
});

test('a remembered decision wins over the rules, both ways', () => {
  const index = buildMatchIndex(fictional);
  const h = holding({ ticker: 'GBX' });
  assert.deepEqual(matchHolding(h, index, { entityId: 'globex-sa' }).entityId, 'globex-sa');
  assert.equal(matchHolding(h, index, { entityId: 'globex-sa' }).status, 'confirmed');
  assert.equal(matchHolding(holding({ isin: 'XA0000000017' }), index, { rejected: true }).status, 'rejected');
  assert.equal(holdingKey(holding({ name: 'Acme Widgets, Inc.' })), holdingKey(holding({ name: 'ACME WIDGETS' })));
});

test('holdings files: header aliases, percentages, pasted lists', () => {
  const csv = parseHoldings('Security Name,ISIN,Weight\r\n"Acme Widgets, Inc.",XA0000000017,12.5%\r\nGlobex,,0.3\r\n', 'p.csv');
  assert.ok(csv.ok);
  assert.deepEqual(
    csv.holdings.map((h) => [h.line, h.name, h.isin, h.weight]),
    [[2, 'Acme Widgets, Inc.', 'XA0000000017', 0.125], [3, 'Globex', null, 0.3]],
  );
  const pasted = parseHoldings('Acme Widgets\nGlobex Corporation\n\n', 'pasted');
  assert.ok(pasted.ok);
  assert.deepEqual(pasted.holdings.map((h) => h.name), ['Acme Widgets', 'Globex Corporation']);
});

test('a malformed holdings file is refused with every problem by line', () => {
  const result = parseHoldings('name,isin,lei,weight\nAcme,XA0000000019,,1\n,,,\n,,BADLEI,x\n"unclosed,1\n', 'p.csv');
  assert.equal(result.ok, false);
  const text = !result.ok ? result.problems.map((p) => `${p.item}: ${p.reason}`).join('\n') : '';
  assert.match(text, /line (2|5)/);
  const again = parseHoldings('name,isin,lei,weight\nAcme,XA0000000019,,1\nBeta,,BADLEI,-4\n,,,\n', 'p.csv');
  assert.equal(again.ok, false);
  const reasons = !again.ok ? again.problems.map((p) => `${p.item}: ${p.reason}`) : [];
  assert.ok(reasons.some((r) => r.startsWith('line 2') && r.includes('not a valid ISIN')), reasons.join('\n'));
  assert.ok(reasons.some((r) => r.startsWith('line 3') && r.includes('not a valid LEI')), reasons.join('\n'));
  assert.ok(reasons.some((r) => r.startsWith('line 3') && r.includes('weight "-4"')), reasons.join('\n'));
  assert.equal(parseHoldings('', 'p.csv').ok, false);
});

test('matching quality on the labelled list, against the companies npm start serves (seed and shipped lists)', () => {
  const { records } = readCsv(readFileSync(join(projectRoot, 'tests/fixtures/matching-labelled.csv'), 'utf8'), 'labelled');
  const rows = records.slice(1).map((r) => ({ name: r.cells[0]!, expected: r.cells[1] || null }));
  const companies = shippedCompanies().map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: (e.props.aliases as string[] | undefined) ?? [] }));
  const quality = evaluateMatching(rows, buildMatchIndex(companies));
  assert.deepEqual(quality.falseMatches, [], 'no fictional name is matched to a real company, no company to another');
  assert.equal(quality.precision, 1, `precision ${quality.precision}`);
  assert.ok(quality.recall >= 0.85, `recall ${quality.recall}: missed ${JSON.stringify(quality.missed)}`);
  assert.ok(quality.recallWithReview >= 0.95, `with review ${quality.recallWithReview}: ${JSON.stringify(quality.missed)}`);
  // The listed enterprises an investor's file names are among the rows, and matched.
  for (const id of ['booking-holdings-inc', 'motorola-solutions-inc', 'heidelberg-materials-ag', 'expedia-group-inc']) {
    assert.ok(rows.some((r) => r.expected === id) && !quality.missed.some((m) => m.expected === id), id);
  }
});
