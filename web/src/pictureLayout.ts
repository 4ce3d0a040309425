// Where everything goes in a picture of the graph: the title on top, the WHOLE graph fitted
// into the drawing area (never a crop of the viewport), the legend in its own column to the
// right so it never covers a node, and the filters, date and credits underneath. Pure: text
// widths are estimated from the font size, generously, so labels stay inside the frame.
import type { LegendEntry } from './legendEntries.ts';

export interface PictureNode {
  id: string;
  /** Graph coordinates: y grows upwards, as in Sigma. */
  x: number;
  y: number;
  /** Radius in pixels, as Sigma draws it with the camera at rest. */
  size: number;
  color: string;
  label: string;
  /** Greyed by a highlight: drawn, and named, in grey. */
  faded?: boolean;
}

export interface PictureEdge {
  from: string;
  to: string;
  color: string;
  dashed: boolean;
  size: number;
}

export interface PictureCaption {
  title: string;
  /** What is drawn and when it was exported. */
  subtitle: string;
  legend: LegendEntry[];
  /** Sentences under the drawing: the filters in force, what a highlight or scenario means. */
  notes: string[];
  /** The publishers of the sources of the claims drawn. */
  credit: string;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacedNode {
  x: number;
  y: number;
  labelLines: string[];
}

export interface PictureLayout {
  width: number;
  height: number;
  title: { lines: string[]; y: number };
  subtitle: { y: number };
  drawing: Box;
  legend: { box: Box; rows: { entry: LegendEntry | null; heading?: string; y: number }[] };
  footer: { lines: string[]; y: number };
  nodes: Map<string, PlacedNode>;
}

export const PICTURE_WIDTH = 1600;
export const FONT = { title: 26, text: 14, label: 12 } as const;
export const LINE_HEIGHT = 1.4;
const MARGIN = 32;
const LEGEND_WIDTH = 290;
const GAP = 24;
const MIN_DRAWING_HEIGHT = 780;
const LEGEND_ROW = 22;
/** A generous average glyph width (DejaVu Sans and Verdana are wide), in ems. */
const EM_WIDTH = 0.62;
const LABEL_CHARS = 30;
const LABEL_GAP = 4;

const textWidth = (text: string, size: number) => text.length * size * EM_WIDTH;

/** Splits text at spaces into lines of at most `chars` characters; past `maxLines`, the last ends in "…". */
export function wrapText(text: string, chars: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.length > chars ? (word.match(new RegExp(`.{1,${chars}}`, 'g')) ?? []) : [word];
    for (const piece of pieces) {
      if (line && line.length + 1 + piece.length > chars) {
        lines.push(line);
        line = piece;
      } else line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, chars - 1)}…`;
  return kept;
}

interface Extent {
  left: number;
  right: number;
  up: number;
  down: number;
}

/** How far a node and its label reach from its centre, in pixels. */
function extentOf(node: PictureNode, labelLines: string[]): Extent {
  const labelWidth = Math.max(0, ...labelLines.map((l) => textWidth(l, FONT.label)));
  const labelBelow = labelLines.length ? FONT.label * 0.4 + (labelLines.length - 1) * FONT.label * LINE_HEIGHT : 0;
  return {
    left: node.size,
    right: node.size + (labelLines.length ? LABEL_GAP + labelWidth : 0),
    up: Math.max(node.size, FONT.label),
    down: Math.max(node.size, labelBelow + FONT.label * 0.4),
  };
}

/**
 * Maps graph coordinates into `area`, keeping proportions, y flipped to point down, so that
 * every node and its label fit: the margins grow by what still sticks out, a few times over.
 */
export function fitNodes(nodes: PictureNode[], area: Box): Map<string, PlacedNode> {
  const placed = new Map<string, PlacedNode>();
  if (nodes.length === 0) return placed;
  const labels = nodes.map((n) => wrapText(n.label, LABEL_CHARS, 2));
  const extents = nodes.map((n, i) => extentOf(n, labels[i]!));
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const inset = { left: 0, right: 0, top: 0, bottom: 0 };
  const width = area.right - area.left;
  const height = area.bottom - area.top;
  let at: (i: number) => { x: number; y: number } = () => ({ x: 0, y: 0 });
  for (let round = 0; round < 8; round++) {
    // Never let the margins eat more than 80% of the area: past that, a label may be cut.
    const room = {
      w: Math.max(width * 0.2, width - inset.left - inset.right),
      h: Math.max(height * 0.2, height - inset.top - inset.bottom),
    };
    const scale = Math.min(maxX > minX ? room.w / (maxX - minX) : Infinity, maxY > minY ? room.h / (maxY - minY) : Infinity);
    const s = Number.isFinite(scale) ? scale : 0;
    const cx = area.left + inset.left + room.w / 2;
    const cy = area.top + inset.top + room.h / 2;
    at = (i) => ({ x: cx + (nodes[i]!.x - (minX + maxX) / 2) * s, y: cy - (nodes[i]!.y - (minY + maxY) / 2) * s });
    const over = { left: 0, right: 0, top: 0, bottom: 0 };
    nodes.forEach((_, i) => {
      const p = at(i);
      const e = extents[i]!;
      over.left = Math.max(over.left, area.left - (p.x - e.left));
      over.right = Math.max(over.right, p.x + e.right - area.right);
      over.top = Math.max(over.top, area.top - (p.y - e.up));
      over.bottom = Math.max(over.bottom, p.y + e.down - area.bottom);
    });
    if (over.left < 0.5 && over.right < 0.5 && over.top < 0.5 && over.bottom < 0.5) break;
    inset.left += Math.max(0, over.left);
    inset.right += Math.max(0, over.right);
    inset.top += Math.max(0, over.top);
    inset.bottom += Math.max(0, over.bottom);
  }
  nodes.forEach((n, i) => placed.set(n.id, { ...at(i), labelLines: labels[i]! }));
  return placed;
}

/** The legend's rows, grouped under headings, from `top`. */
function legendRows(entries: LegendEntry[], top: number): PictureLayout['legend']['rows'] {
  const rows: PictureLayout['legend']['rows'] = [];
  let y = top;
  const headings = { entity: 'Entities', claim: 'Claims, by status', scenario: 'The scenario' } as const;
  let group: LegendEntry['kind'] | null = null;
  for (const entry of entries) {
    if (entry.kind !== group) {
      group = entry.kind;
      y += group === 'entity' ? 0 : LEGEND_ROW * 0.5;
      rows.push({ entry: null, heading: headings[group], y: (y += LEGEND_ROW) });
    }
    rows.push({ entry, y: (y += LEGEND_ROW) });
  }
  return rows;
}

export function pictureLayout(nodes: PictureNode[], caption: PictureCaption): PictureLayout {
  const width = PICTURE_WIDTH;
  const textChars = (size: number, room: number) => Math.floor(room / (size * EM_WIDTH));
  const titleLines = wrapText(caption.title, textChars(FONT.title, width - 2 * MARGIN), 2);
  const titleY = MARGIN + FONT.title;
  const subtitleY = titleY + (titleLines.length - 1) * FONT.title * LINE_HEIGHT + FONT.text * 1.8;
  const top = subtitleY + FONT.text * 1.6;
  const legendLeft = width - MARGIN - LEGEND_WIDTH;
  const rows = legendRows(caption.legend, top + 8);
  const legendBottom = (rows.at(-1)?.y ?? top) + LEGEND_ROW * 0.8;
  const bottom = Math.max(top + MIN_DRAWING_HEIGHT, legendBottom);
  const drawing = { left: MARGIN, top, right: legendLeft - GAP, bottom };
  const footerLines = [...caption.notes, caption.credit].flatMap((t) => wrapText(t, textChars(FONT.text, width - 2 * MARGIN)));
  const footerY = bottom + FONT.text * 2.2;
  const height = Math.ceil(footerY + (footerLines.length - 1) * FONT.text * LINE_HEIGHT + MARGIN);
  return {
    width,
    height,
    title: { lines: titleLines, y: titleY },
    subtitle: { y: subtitleY },
    drawing,
    legend: { box: { left: legendLeft, top, right: width - MARGIN, bottom: legendBottom }, rows },
    footer: { lines: footerLines, y: footerY },
    nodes: fitNodes(nodes, drawing),
  };
}
