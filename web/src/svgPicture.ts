// A picture of the whole graph as evidence, as SVG: every node fitted into the frame, with a
// title, the legend of what is drawn, the filters in words, the date of the export and the
// publishers of the sources (pictureLayout.ts places them). Pure, so it is unit-tested; the
// PNG is this SVG rasterised, so both say the same.
import { FONT, LINE_HEIGHT, pictureLayout, type PictureCaption, type PictureEdge, type PictureNode } from './pictureLayout.ts';

export type { PictureCaption, PictureEdge, PictureNode } from './pictureLayout.ts';

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const n = (v: number) => String(Number(v.toFixed(2)) + 0);
const dash = (dashed: boolean) => (dashed ? ' stroke-dasharray="6 4"' : '');

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attributes ? ` ${attributes}` : ''}>${escapeXml(content)}</text>`;
}

export function svgPicture(nodes: PictureNode[], edges: PictureEdge[], caption: PictureCaption): { svg: string; width: number; height: number } {
  const layout = pictureLayout(nodes, caption);
  const { width, height } = layout;
  const left = layout.drawing.left;

  const lines = edges.flatMap((e) => {
    const [a, b] = [layout.nodes.get(e.from), layout.nodes.get(e.to)];
    if (!a || !b) return [];
    return [`<line x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" stroke="${escapeXml(e.color)}" stroke-width="${n(e.size)}"${dash(e.dashed)}/>`];
  });
  const circles = nodes.map((node) => {
    const p = layout.nodes.get(node.id)!;
    const label = p.labelLines.map((line, i) => text(p.x + node.size + 4, p.y + FONT.label * 0.35 + i * FONT.label * LINE_HEIGHT, line)).join('');
    return (
      `<g class="node" data-id="${escapeXml(node.id)}"${node.faded ? ' fill="#8a8a8a"' : ''}><title>${escapeXml(node.label)}</title>` +
      `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(node.size)}" fill="${escapeXml(node.color)}" stroke="#ffffff" stroke-width="1"/>${label}</g>`
    );
  });

  const box = layout.legend.box;
  const legendRows = layout.legend.rows.map((row) => {
    if (!row.entry) return text(box.left + 12, row.y, row.heading ?? '', 'font-weight="bold"');
    const e = row.entry;
    const mark =
      e.kind === 'entity'
        ? `<circle cx="${n(box.left + 24)}" cy="${n(row.y - 5)}" r="6" fill="${escapeXml(e.color)}"/>`
        : `<line x1="${n(box.left + 12)}" y1="${n(row.y - 5)}" x2="${n(box.left + 40)}" y2="${n(row.y - 5)}" stroke="${escapeXml(e.color)}" stroke-width="3"${dash(e.dashed)}/>`;
    return `<g class="legend-entry" data-kind="${e.kind}" data-key="${escapeXml(e.key)}">${mark}${text(box.left + 50, row.y, e.label)}</g>`;
  });

  const title = layout.title.lines.map((line, i) => text(left, layout.title.y + i * FONT.title * LINE_HEIGHT, line)).join('');
  const footer = layout.footer.lines.map((line, i) => text(left, layout.footer.y + i * FONT.text * LINE_HEIGHT, line)).join('');
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="${FONT.text}">`,
    `<title>${escapeXml(caption.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="title" font-size="${FONT.title}" font-weight="bold" fill="#111111">${title}</g>`,
    `<g class="subtitle" fill="#555555">${text(left, layout.subtitle.y, caption.subtitle)}</g>`,
    `<g class="edges">${lines.join('')}</g>`,
    `<g class="nodes" font-size="${FONT.label}" fill="#222222">${circles.join('')}</g>`,
    `<g class="legend"><rect x="${n(box.left)}" y="${n(box.top)}" width="${n(box.right - box.left)}" height="${n(box.bottom - box.top)}" rx="6" fill="#f7f7f7" stroke="#cccccc"/>${legendRows.join('')}</g>`,
    `<g class="footer" fill="#333333">${footer}</g>`,
    `</svg>`,
  ].join('\n');
  return { svg, width, height };
}
