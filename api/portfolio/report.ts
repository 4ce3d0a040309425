// A screening as files people take into engagement: a CSV row per holding, JSON, and a
// printable HTML report listing each flag with its path and sources. Pure text from the
// screening as the API returns it, so the CLI and the explorer write the same files. Each
// comes as parts (a holding at a time) that a caller may write one by one: a large screening's
// whole report can be longer than one string may be.
import { relationWords, statusWords } from '../domain/words.ts';
import { contestedBecause } from '../domain/contested.ts';
import { responseLine, type ResponseView } from '../domain/responses.ts';
import { isUndated } from '../domain/undated.ts';
import { contestedHops, contestedText, pct, settingsCells, settingsLines, sharePhrase, shareText, type ReportSettings } from './reportText.ts';

/** The company's responses beside the claim they answer, each with its words when recorded. */
function responsesHtml(responses: readonly ResponseView[] | undefined): string {
  if (!responses?.length) return '';
  const item = (r: ResponseView) => `<li>${esc(responseLine(r))}${r.text ? `: “${esc(r.text)}”` : ''}</li>`;
  return `<ul class="responses">${responses.map(item).join('')}</ul>`;
}

/**
 * Flags per holding that reports and the explorer's table list, each with its path and sources.
 * On a dense graph a holding reaches hundreds of harms (a generated graph of 100,000 entities:
 * median 164, up to 9,178), and a path with its sources is ~6 kB; the rest are counted.
 */
export const REPORT_FLAGS = 20;

export interface ReportSource {
  publisher: string;
  title: string;
  url: string;
  date?: string | null;
}

export interface ReportPath {
  score: number;
  nodes: { name: string }[];
  hops: {
    claim: { id?: string; type: string; status: string; start?: string | null; end?: string | null; summary: string; sources: ReportSource[]; responses?: ResponseView[] };
  }[];
}

export interface ReportHolding {
  holding: { line: number; name: string | null; isin?: string | null; ticker?: string | null; lei?: string | null; weight: number | null; value: number | null };
  match: { status: string; entity: { id: string; name: string } | null; options: { entity: { id: string; name: string }; score: number; reason: string }[] };
  exposure: {
    severity: number;
    level: string;
    evidenceCount: number;
    /** All its flags; `harms` may list only the best of them. */
    harmCount?: number;
    /** Its best flags; with its path when the screening was asked for them (then the report lists each flag's sources). */
    harms: { harm: { id: string; name: string }; score: number; path?: ReportPath | null }[];
    subsidiaries: { entity: { name: string }; share: number | null }[];
    bestPath: ReportPath | null;
  } | null;
  /** Why its exposure is unknown (past the search bounds), when it is. */
  unscreened?: string | null;
  /** Its share of the file's weight, and of the whole portfolio when known. */
  shareOfFile?: number;
  shareOfWhole?: number | null;
}

interface ReportShare {
  name: string;
  weightShare: number;
  shareOfWhole?: number | null;
  holdings: number;
}

interface ReportPart {
  holdings: number;
  shareOfFile: number;
  shareOfWhole: number | null;
}

export interface ReportScreening {
  portfolio: string;
  notes?: string[];
  summary: {
    holdings: number;
    exposed: number;
    needsReview: number;
    weighting: string;
    exposedWeightShare: number;
    unscreened?: number;
    unscreenedWeightShare?: number;
    fileShareOfWhole?: number | null;
    parts?: { exposed: ReportPart; unmatched: ReportPart; toReview: ReportPart; unscreened: ReportPart };
    byConflict: ReportShare[];
    byCategory: ReportShare[];
  };
  /** What the screening searched with; the reports state it. */
  settings?: ReportSettings;
  holdings: ReportHolding[];
}

const CSV_COLUMNS = [
  'line', 'name', 'isin', 'ticker', 'lei', 'weight', 'value', 'weight_pct_of_file', 'weight_pct_of_whole', 'match_status', 'entity_id', 'entity_name',
  'severity', 'level', 'evidence_count', 'harms', 'best_path', 'best_path_contested', 'review_options', 'exposure_unknown',
  // The settings, on every row: a row keeps them when it is sorted, filtered or pasted elsewhere.
  'max_hops', 'as_of', 'undated_included', 'statuses', 'min_confidence', 'scoring',
];

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Cells starting like a formula are quoted with a leading apostrophe so spreadsheets do not run them.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** How many flags the holding has beyond those listed. */
const unlisted = (e: NonNullable<ReportHolding['exposure']>) => Math.max(0, (e.harmCount ?? e.harms.length) - e.harms.length);

export function screeningCsv(s: ReportScreening): string {
  return screeningCsvParts(s).join('');
}

/** A share as a percentage with one decimal, for a CSV cell; empty when unknown. */
const pctCell = (x: number | null | undefined) => (x == null ? '' : (x * 100).toFixed(1));

export function screeningCsvParts(s: ReportScreening): string[] {
  const settings = settingsCells(s.settings);
  const rows = s.holdings.map((h) => {
    const e = h.exposure;
    return [
      h.holding.line,
      h.holding.name,
      h.holding.isin,
      h.holding.ticker,
      h.holding.lei,
      h.holding.weight,
      h.holding.value,
      pctCell(h.shareOfFile),
      pctCell(h.shareOfWhole),
      h.match.status,
      h.match.entity?.id,
      h.match.entity?.name,
      e ? e.severity.toFixed(4) : '',
      e?.level.toLowerCase() ?? '',
      e?.evidenceCount ?? '',
      e ? `${e.harms.map((x) => x.harm.name).join('; ')}${unlisted(e) ? ` (and ${unlisted(e)} more)` : ''}` : '',
      e?.bestPath ? e.bestPath.nodes.map((n) => n.name).join(' > ') : '',
      e?.bestPath ? contestedText(contestedHops(e.bestPath)) : '',
      h.match.status === 'AMBIGUOUS' || h.match.status === 'WEAK' ? h.match.options.map((o) => `${o.entity.name} (${o.score})`).join('; ') : '',
      h.unscreened ?? '',
      ...settings,
    ].map(csvCell);
  });
  return [CSV_COLUMNS.join(',') + '\n', ...rows.map((r) => r.join(',') + '\n')];
}

export function screeningJson(s: ReportScreening): string {
  return screeningJsonParts(s).join('');
}

/** The screening as JSON, its holdings one part each. */
export function screeningJsonParts(s: ReportScreening): string[] {
  const { holdings, ...rest } = s;
  const head = JSON.stringify({ ...rest, holdings: [] }, null, 2);
  // Opens the holdings array of the otherwise complete object, then closes it after them.
  const open = head.slice(0, head.lastIndexOf('[]')) + '[';
  const indent = (text: string) => text.replace(/\n/g, '\n    ');
  return [open, ...holdings.map((h, i) => `${i ? ',' : ''}\n    ${indent(JSON.stringify(h, null, 2))}`), `${holdings.length ? '\n  ' : ''}]\n}\n`];
}

const esc = (text: unknown) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Three decimals, halves up: 0.4165 (stored as 0.41649999…) reads 0.417, as computed by hand. */
const score3 = (x: number) => (Math.round(x * 1000 + 1e-9) / 1000).toFixed(3);
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? esc(url) : null);

/** The claims on a holding's listed paths, numbered once each, so a flag cites them by number. */
function claimIndex(paths: ReportPath[]) {
  const claims: ReportPath['hops'][number]['claim'][] = [];
  const numbers = new Map<string, number>();
  const numberOf = (claim: ReportPath['hops'][number]['claim']) => {
    const key = claim.id ?? JSON.stringify(claim);
    let n = numbers.get(key);
    if (n === undefined) {
      claims.push(claim);
      numbers.set(key, (n = claims.length));
    }
    return n;
  };
  for (const p of paths) for (const hop of p.hops) numberOf(hop.claim);
  return { claims, numberOf };
}

/** A standalone printable page: summary, then each flagged holding with its flags, each flag's path citing its claims, and the claims with their sources. */
export function screeningHtml(s: ReportScreening, generatedAt: string): string {
  return screeningHtmlParts(s, generatedAt).join('');
}

const isReview = (h: ReportHolding) => h.match.status === 'AMBIGUOUS' || h.match.status === 'WEAK';
const isUnmatched = (h: ReportHolding) => h.match.status === 'UNMATCHED' || h.match.status === 'REJECTED';

/** The parts of the portfolio the summary gives; from the holdings when a screening lacks them. */
function parts(s: ReportScreening) {
  const of = (list: ReportHolding[]): ReportPart => ({
    holdings: list.length,
    shareOfFile: list.reduce((sum, h) => sum + (h.shareOfFile ?? 0), 0),
    shareOfWhole: list.every((h) => h.shareOfWhole != null) ? list.reduce((sum, h) => sum + h.shareOfWhole!, 0) : null,
  });
  const exposed = { holdings: s.summary.exposed, shareOfFile: s.summary.exposedWeightShare, shareOfWhole: null };
  return s.summary.parts ?? { exposed, unmatched: of(s.holdings.filter(isUnmatched)), toReview: of(s.holdings.filter(isReview)), unscreened: of(s.holdings.filter((h) => h.unscreened)) };
}

export function screeningHtmlParts(s: ReportScreening, generatedAt: string): string[] {
  const flagged = s.holdings.filter((h) => h.exposure && h.exposure.severity > 0).sort((a, b) => b.exposure!.severity - a.exposure!.severity);
  const review = s.holdings.filter(isReview);
  const unmatched = s.holdings.filter(isUnmatched);
  const unknown = s.holdings.filter((h) => h.unscreened);
  const whole = s.summary.fileShareOfWhole;
  const part = parts(s);
  const phrase = (p: { shareOfFile: number; shareOfWhole: number | null }) => sharePhrase(p.shareOfFile, p.shareOfWhole, whole);
  const weightOf = (h: ReportHolding) => (h.shareOfFile === undefined ? (h.holding.weight ?? h.holding.value ?? '') : shareText(h.shareOfFile, h.shareOfWhole, whole));
  const line = (h: ReportHolding) => `Line ${h.holding.line} "${esc(h.holding.name ?? h.holding.isin ?? h.holding.ticker ?? h.holding.lei ?? h.match.entity?.name)}" (weight ${esc(weightOf(h))})`;
  const shares = (list: ReportShare[]) =>
    list.length ? `<ul>${list.map((x) => `<li>${esc(x.name)}: ${sharePhrase(x.weightShare, x.shareOfWhole, whole)} (${x.holdings} ${x.holdings === 1 ? 'holding' : 'holdings'})</li>`).join('')}</ul>` : '<p>None.</p>';
  const notScreened = [
    part.unmatched.holdings ? `${part.unmatched.holdings} not matched, ${phrase(part.unmatched)}` : '',
    part.toReview.holdings ? `${part.toReview.holdings} match${part.toReview.holdings === 1 ? '' : 'es'} to review, ${phrase(part.toReview)}` : '',
    part.unscreened.holdings ? `exposure unknown for ${part.unscreened.holdings}, ${phrase(part.unscreened)}` : '',
  ].filter(Boolean);
  const contestedBest = flagged.filter((h) => h.exposure!.bestPath && contestedHops(h.exposure!.bestPath).length > 0).length;
  const sourceHtml = (src: ReportSource) => {
    const href = safeHref(src.url);
    const label = `${esc(src.publisher)}: ${esc(src.title)}${src.date ? ` (${esc(src.date)})` : ''}`;
    return `<li>${href ? `<a href="${href}">${label}</a>` : label} — ${esc(src.url)}</li>`;
  };
  const flag = (h: ReportHolding) => {
    const e = h.exposure!;
    // Each listed flag's own path when loaded; else the best path stands for the holding.
    const withPath = e.harms.filter((x) => x.path && typeof x.path === 'object');
    const paths = withPath.length ? withPath.map((x) => x.path!) : e.bestPath ? [e.bestPath] : [];
    const { claims, numberOf } = claimIndex(paths);
    const number = (claim: ReportPath['hops'][number]['claim']) => `${numberOf(claim)}${contestedBecause(claim) ? ', contested' : ''}${isUndated(claim) ? ', undated' : ''}`;
    const cite = (p: ReportPath) =>
      `${p.nodes.map((n) => esc(n.name)).join(' → ')} <span class="cite">[${p.hops.map((hop) => number(hop.claim)).join('] [')}]</span>${contestedHops(p).length ? ' <strong class="contested">contested evidence</strong>' : ''}`;
    const rows = e.harms
      .map((x) => `<tr><td>${esc(x.harm.name)}</td><td>${score3(x.score)}</td><td>${x.path && typeof x.path === 'object' ? cite(x.path) : ''}</td></tr>`)
      .join('');
    const more = unlisted(e);
    const disputed = paths.filter((p) => contestedHops(p).length > 0).length;
    const best = !withPath.length && e.bestPath ? `<p>Best path (score ${score3(e.bestPath.score)}): ${cite(e.bestPath)}</p>` : '';
    const claimHtml = (c: ReportPath['hops'][number]['claim']) => {
      const because = contestedBecause(c);
      return `<li>${esc(relationWords(c.type))} (${esc(statusWords(c.status))}; ${isUndated(c) ? 'undated' : esc(`${c.start ?? '…'} – ${c.end ?? 'present'}`)}): ${esc(c.summary)}${because ? `<p class="contested"><strong>Contested.</strong> ${esc(because)}</p>` : ''}${responsesHtml(c.responses)}<ul>${c.sources.map(sourceHtml).join('')}</ul></li>`;
    };
    return `<section class="flag"><h3>${esc(h.holding.name ?? h.match.entity?.name)} → ${esc(h.match.entity?.name)}: ${esc(e.level.toLowerCase())} (${score3(e.severity)})</h3>
<p>Line ${h.holding.line}; weight ${esc(weightOf(h))}; ${e.evidenceCount} claims of evidence; ${e.harmCount ?? e.harms.length} flags${more ? `, the ${e.harms.length} strongest listed` : ''}.${disputed ? ` ${disputed} of the paths shown ${disputed === 1 ? 'goes' : 'go'} through contested evidence.` : ''}</p>
${e.subsidiaries.length ? `<p>Subsidiaries: ${e.subsidiaries.map((x) => `${esc(x.entity.name)}${x.share !== null ? ` (${pct(x.share)})` : ''}`).join(', ')}</p>` : ''}<table class="flags"><thead><tr><th>Flag</th><th>Score</th><th>Path [claims]</th></tr></thead><tbody>${rows}</tbody></table>
${more ? `<p class="muted">And ${more} more flag${more === 1 ? '' : 's'} of lower score: open ${esc(h.match.entity?.name)} in the explorer for all of them.</p>` : ''}${best}${
      claims.length ? `<ol class="claims">${claims.map(claimHtml).join('')}</ol>` : ''
    }</section>
`;
  };
  return [
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Screening of ${esc(s.portfolio)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.5rem}.flag{border-top:1px solid #ccc;page-break-inside:avoid}.flags td,.flags th{text-align:left;padding:0 .6rem 0 0;vertical-align:top}.cite,.muted{color:#555}.contested{color:#8a4b00}@media print{a{color:inherit}}</style></head>
<body><h1>Screening of ${esc(s.portfolio)}</h1>
<p>Generated ${esc(generatedAt)} by conflict-links. Scores are complicity path scores (0..1): how strong, well evidenced and short the chain of public claims is, not a finding of wrongdoing. Numbers in brackets cite the claims listed under each holding, each with its sources. A claim is contested when it is denied or its sources record a response disputing it.</p>
<h2>Summary</h2>
<p>${s.summary.holdings} holdings; ${s.summary.exposed} exposed: ${phrase(part.exposed)} by ${esc(s.summary.weighting.toLowerCase() === 'equal' ? 'equal weights' : s.summary.weighting.toLowerCase())}.${notScreened.length ? ` Not screened: ${notScreened.join('; ')}.` : ' Every holding was matched and screened.'}${contestedBest ? ` The best path of ${contestedBest} flagged holding${contestedBest === 1 ? '' : 's'} goes through contested evidence.` : ''}</p>
${s.notes?.length ? `<ul class="notes">${s.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
<h3>By conflict</h3>${shares(s.summary.byConflict)}
<h3>By abuse category</h3>${shares(s.summary.byCategory)}
${s.settings ? `<h3>Settings</h3><ul class="settings">${settingsLines(s.settings).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''}
<h2>Flags (${flagged.length})</h2>
`,
    ...(flagged.length ? flagged.map(flag) : ['<p>No holding is exposed.</p>\n']),
    `${unknown.length ? `<h2>Exposure unknown (${unknown.length})</h2><ul>${unknown.map((h) => `<li>${line(h)} → ${esc(h.match.entity?.name)}: ${esc(h.unscreened)}</li>`).join('')}</ul>` : ''}
${review.length ? `<h2>Matches to review (${review.length})</h2><ul>${review.map((h) => `<li>${line(h)}, ${esc(h.match.status.toLowerCase())}: ${h.match.options.map((o) => `${esc(o.entity.name)} (${o.score}; ${esc(o.reason)})`).join('; ')}</li>`).join('')}</ul>` : ''}
${unmatched.length ? `<h2>Not matched (${unmatched.length})</h2><ul>${unmatched.map((h) => `<li>${line(h)}: ${h.match.status === 'REJECTED' ? 'a person said none of the options is this holding' : 'no entity in the graph matches it'}</li>`).join('')}</ul>` : ''}
</body></html>
`,
  ];
}
