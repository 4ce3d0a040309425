// A screening as files people take into engagement: a CSV row per holding, JSON, and a
// printable HTML report listing each flag with its path and sources. Pure text from the
// screening as the API returns it, so the CLI and the explorer write the same files.

export interface ReportSource {
  publisher: string;
  title: string;
  url: string;
  date?: string | null;
}

export interface ReportPath {
  score: number;
  nodes: { name: string }[];
  hops: { claim: { type: string; status: string; summary: string; sources: ReportSource[] } }[];
}

export interface ReportHolding {
  holding: { line: number; name: string | null; isin?: string | null; ticker?: string | null; lei?: string | null; weight: number | null; value: number | null };
  match: { status: string; entity: { id: string; name: string } | null; options: { entity: { id: string; name: string }; score: number; reason: string }[] };
  exposure: {
    severity: number;
    level: string;
    evidenceCount: number;
    /** Each flag; with its path when the screening was asked for them (then the report lists each flag's sources). */
    harms: { harm: { id: string; name: string }; score: number; path?: ReportPath | null }[];
    subsidiaries: { entity: { name: string }; share: number | null }[];
    bestPath: ReportPath | null;
  } | null;
  /** Why its exposure is unknown (past the search bounds), when it is. */
  unscreened?: string | null;
}

export interface ReportScreening {
  portfolio: string;
  notes?: string[];
  summary: { holdings: number; exposed: number; needsReview: number; weighting: string; exposedWeightShare: number; unscreened?: number; unscreenedWeightShare?: number; byConflict: { name: string; weightShare: number; holdings: number }[]; byCategory: { name: string; weightShare: number; holdings: number }[] };
  holdings: ReportHolding[];
}

const CSV_COLUMNS = ['line', 'name', 'isin', 'ticker', 'lei', 'weight', 'value', 'match_status', 'entity_id', 'entity_name', 'severity', 'level', 'evidence_count', 'harms', 'best_path', 'review_options', 'exposure_unknown'];

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Cells starting like a formula are quoted with a leading apostrophe so spreadsheets do not run them.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function screeningCsv(s: ReportScreening): string {
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
      h.match.status,
      h.match.entity?.id,
      h.match.entity?.name,
      e ? e.severity.toFixed(4) : '',
      e?.level.toLowerCase() ?? '',
      e?.evidenceCount ?? '',
      e ? e.harms.map((x) => x.harm.name).join('; ') : '',
      e?.bestPath ? e.bestPath.nodes.map((n) => n.name).join(' > ') : '',
      h.match.status === 'AMBIGUOUS' || h.match.status === 'WEAK' ? h.match.options.map((o) => `${o.entity.name} (${o.score})`).join('; ') : '',
      h.unscreened ?? '',
    ].map(csvCell);
  });
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

export function screeningJson(s: ReportScreening): string {
  return JSON.stringify(s, null, 2) + '\n';
}

const esc = (text: unknown) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Three decimals, halves up: 0.4165 (stored as 0.41649999…) reads 0.417, as computed by hand. */
const score3 = (x: number) => (Math.round(x * 1000 + 1e-9) / 1000).toFixed(3);
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? esc(url) : null);

/** A standalone printable page: summary, then each flagged holding with each flag's path and sources (or its best path). */
export function screeningHtml(s: ReportScreening, generatedAt: string): string {
  const flagged = s.holdings.filter((h) => h.exposure && h.exposure.severity > 0).sort((a, b) => b.exposure!.severity - a.exposure!.severity);
  const review = s.holdings.filter((h) => h.match.status === 'AMBIGUOUS' || h.match.status === 'WEAK');
  const unknown = s.holdings.filter((h) => h.unscreened);
  const shares = (list: { name: string; weightShare: number; holdings: number }[]) =>
    list.length ? `<ul>${list.map((x) => `<li>${esc(x.name)}: ${pct(x.weightShare)} of the portfolio (${x.holdings} holdings)</li>`).join('')}</ul>` : '<p>None.</p>';
  const pathHtml = (title: string, p: ReportPath) =>
    `<p>${title} (score ${score3(p.score)}): ${p.nodes.map((n) => esc(n.name)).join(' → ')}</p><ol>${p.hops
      .map(
        (hop) =>
          `<li>${esc(hop.claim.type)} (${esc(hop.claim.status)}): ${esc(hop.claim.summary)}<ul>${hop.claim.sources
            .map((src) => {
              const href = safeHref(src.url);
              const label = `${esc(src.publisher)}: ${esc(src.title)}${src.date ? ` (${esc(src.date)})` : ''}`;
              return `<li>${href ? `<a href="${href}">${label}</a>` : label} — ${esc(src.url)}</li>`;
            })
            .join('')}</ul></li>`,
      )
      .join('')}</ol>`;
  const flag = (h: ReportHolding) => {
    const e = h.exposure!;
    // Each flag with its own path and sources when the paths were loaded; else the best one.
    const each = e.harms.filter((x) => x.path && typeof x.path === 'object');
    const path = each.length
      ? each.map((x) => `<div class="harm">${pathHtml(`${esc(x.harm.name)}`, x.path!)}</div>`).join('')
      : e.bestPath
        ? pathHtml('Best path', e.bestPath)
        : '';
    return `<section class="flag"><h3>${esc(h.holding.name ?? h.match.entity?.name)} → ${esc(h.match.entity?.name)}: ${esc(e.level.toLowerCase())} (${score3(e.severity)})</h3>
<p>Line ${h.holding.line}; ${e.evidenceCount} claims of evidence; reaches ${e.harms.map((x) => esc(x.harm.name)).join(', ')}.</p>
${e.subsidiaries.length ? `<p>Subsidiaries: ${e.subsidiaries.map((x) => `${esc(x.entity.name)}${x.share !== null ? ` (${pct(x.share)})` : ''}`).join(', ')}</p>` : ''}${path}</section>`;
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Screening of ${esc(s.portfolio)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.5rem}.flag{border-top:1px solid #ccc;page-break-inside:avoid}@media print{a{color:inherit}}</style></head>
<body><h1>Screening of ${esc(s.portfolio)}</h1>
<p>Generated ${esc(generatedAt)} by conflict-links. Scores are complicity path scores (0..1): how strong, well evidenced and short the chain of public claims is, not a finding of wrongdoing.</p>
<h2>Summary</h2>
<p>${s.summary.holdings} holdings; ${s.summary.exposed} exposed, ${pct(s.summary.exposedWeightShare)} of the portfolio by ${esc(s.summary.weighting.toLowerCase())}; ${s.summary.needsReview} matches need review${unknown.length ? `; exposure unknown for ${unknown.length} (${pct(s.summary.unscreenedWeightShare ?? 0)} of the portfolio)` : ''}.</p>
${s.notes?.length ? `<ul class="notes">${s.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
<h3>By conflict</h3>${shares(s.summary.byConflict)}
<h3>By abuse category</h3>${shares(s.summary.byCategory)}
<h2>Flags (${flagged.length})</h2>
${flagged.map(flag).join('\n') || '<p>No holding is exposed.</p>'}
${unknown.length ? `<h2>Exposure unknown (${unknown.length})</h2><ul>${unknown.map((h) => `<li>Line ${h.holding.line} "${esc(h.holding.name ?? h.match.entity?.name)}" → ${esc(h.match.entity?.name)}: ${esc(h.unscreened)}</li>`).join('')}</ul>` : ''}
${review.length ? `<h2>Matches to review (${review.length})</h2><ul>${review.map((h) => `<li>Line ${h.holding.line} "${esc(h.holding.name)}": ${h.match.options.map((o) => `${esc(o.entity.name)} (${o.score}; ${esc(o.reason)})`).join('; ')}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
