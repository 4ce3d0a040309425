// An SVG picture of the current view: what is on screen, as drawn (positions in pixels from
// the viewport), with the legend's colours and dashes. Pure: it takes plain shapes.
export interface PictureNode {
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

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const n = (v: number) => Number(v.toFixed(2));

export function svgPicture(width: number, height: number, nodes: PictureNode[], edges: PictureEdge[], title: string): string {
  const lines = edges.map(
    (e) =>
      `<line x1="${n(e.from.x)}" y1="${n(e.from.y)}" x2="${n(e.to.x)}" y2="${n(e.to.y)}" stroke="${escapeXml(e.color)}" stroke-width="${n(e.size)}"${e.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
  );
  const circles = nodes.map(
    (node) =>
      `<g><circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(node.size)}" fill="${escapeXml(node.color)}"/>` +
      `<text x="${n(node.x + node.size + 3)}" y="${n(node.y + 4)}">${escapeXml(node.label)}</text></g>`,
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="edges">${lines.join('')}</g>`,
    `<g class="nodes">${circles.join('')}</g>`,
    `</svg>`,
  ].join('\n');
}
