// A picture of the whole graph as evidence: every node fitted into a fixed frame (never a crop
// of the viewport), with a title, the legend of what is drawn, the filters in words, the date
// of the export and the publishers of the sources. Pure: it takes plain shapes in graph
// coordinates and the caption's words, so it is unit-tested; the PNG is this SVG rasterised.
export interface PictureNode {
  /** Graph coordinates: y grows upwards, as in Sigma. */
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}

export interface PictureEdge {
  from: PictureNode;
  to: PictureNode;
  color: string;
  dashed: boolean;
  size: number;
}

export interface LegendEntry {
  label: string;
  color: string;
  /** A line style (claims) rather than a dot (entities). */
  line?: { dashed: boolean };
}

export interface PictureCaption {
  title: string;
  legend: LegendEntry[];
  /** Sentences saying which filters were in force. */
  filters: string[];
  /** "Exported 4 December 2026". */
  date: string;
  /** "Sources: publisher, publisher, …". */
  credit: string;
}

/** The fixed size of every picture, so a picture does not depend on the window it came from. */
export const PICTURE_SIZE = { width: 1600, height: 1000 } as const;

const HEADER = 80;
const FOOTER = 110;
const LEGEND_WIDTH = 280;
const MARGIN = 30;
/** Room to the right of the rightmost node for its label. */
const LABEL_ROOM = 160;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const n = (v: number) => Number(v.toFixed(2));

/** The drawing area: below the title, above the footer, left of the legend. */
export const DRAWING_AREA = {
  left: MARGIN,
  top: HEADER,
  right: PICTURE_SIZE.width - LEGEND_WIDTH - MARGIN - LABEL_ROOM,
  bottom: PICTURE_SIZE.height - FOOTER - MARGIN,
};

/** Maps graph coordinates into the drawing area, keeping proportions, y flipped to point down. */
function fit(nodes: PictureNode[]): (p: { x: number; y: number }) => { x: number; y: number } {
  const a = DRAWING_AREA;
  if (nodes.length === 0) return () => ({ x: a.left, y: a.top });
  const pad = Math.max(...nodes.map((p) => p.size));
  const xs = nodes.map((p) => p.x);
  const ys = nodes.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const width = a.right - a.left - 2 * pad;
  const height = a.bottom - a.top - 2 * pad;
  const scale = Math.min(width / (maxX - minX || 1), height / (maxY - minY || 1));
  const cx = (a.left + a.right) / 2;
  const cy = (a.top + a.bottom) / 2;
  return (p) => ({ x: cx + (p.x - (minX + maxX) / 2) * scale, y: cy - (p.y - (minY + maxY) / 2) * scale });
}

/** Splits text into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

function legend(entries: LegendEntry[]): string {
  const x = PICTURE_SIZE.width - LEGEND_WIDTH;
  const rows = entries.map((e, i) => {
    const y = HEADER + 30 + i * 22;
    const mark = e.line
      ? `<line x1="${x + 10}" y1="${y - 4}" x2="${x + 34}" y2="${y - 4}" stroke="${escapeXml(e.color)}" stroke-width="3"${e.line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`
      : `<circle cx="${x + 22}" cy="${y - 4}" r="6" fill="${escapeXml(e.color)}"/>`;
    return `${mark}<text x="${x + 42}" y="${y}">${escapeXml(e.label)}</text>`;
  });
  const height = entries.length * 22 + 40;
  return (
    `<g class="legend"><rect x="${x}" y="${HEADER}" width="${LEGEND_WIDTH - MARGIN}" height="${height}" fill="#f7f7f7" stroke="#cccccc"/>` +
    `<text x="${x + 10}" y="${HEADER + 16}" font-weight="bold">Legend</text>${rows.join('')}</g>`
  );
}

export function svgPicture(nodes: PictureNode[], edges: PictureEdge[], caption: PictureCaption): string {
  const { width, height } = PICTURE_SIZE;
  const place = fit(nodes);
  const at = new Map(nodes.map((p) => [p, place(p)]));
  const lines = edges.map((e) => {
    const [a, b] = [at.get(e.from)!, at.get(e.to)!];
    return `<line x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" stroke="${escapeXml(e.color)}" stroke-width="${n(e.size)}"${e.dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
  });
  const circles = nodes.map((node) => {
    const p = at.get(node)!;
    return (
      `<g><circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(node.size)}" fill="${escapeXml(node.color)}"/>` +
      `<text x="${n(p.x + node.size + 3)}" y="${n(p.y + 4)}">${escapeXml(node.label)}</text></g>`
    );
  });
  const footer = [...caption.filters.flatMap((f) => wrap(f, 200)), ...wrap(caption.credit, 200)].slice(0, 5);
  const footerText = footer.map((t, i) => `<text x="${MARGIN}" y="${height - FOOTER + i * 18}" class="footer">${escapeXml(t)}</text>`);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<title>${escapeXml(caption.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="40" font-size="24" font-weight="bold" class="title">${escapeXml(caption.title)}</text>`,
    `<text x="${MARGIN}" y="64" fill="#555555" class="date">${escapeXml(caption.date)}</text>`,
    `<g class="edges">${lines.join('')}</g>`,
    `<g class="nodes">${circles.join('')}</g>`,
    legend(caption.legend),
    `<g class="caption" fill="#333333">${footerText.join('')}</g>`,
    `</svg>`,
  ].join('\n');
}
