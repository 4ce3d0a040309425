// Where each node is drawn, in a shared link: "id:x:y" per node, comma-separated, coordinates
// rounded to a thousandth of the drawing's extent (about a pixel on screen), so a link restores
// the picture and stays short. Pure, so it is unit-tested; decoding never trusts the link.
import { isValidId } from '../../api/domain/model.ts';

export type Positions = Map<string, { x: number; y: number }>;

/** At most this many nodes carry a position in a link; larger drawings are laid out anew. */
export const MAX_LINKED_POSITIONS = 400;

/** Decimals that keep a thousandth of the extent: 300 wide -> 1 decimal, 3 wide -> 3. */
function decimalsFor(positions: Positions): number {
  const xs = [...positions.values()].flatMap((p) => [p.x, p.y]);
  const extent = Math.max(...xs) - Math.min(...xs);
  if (!(extent > 0)) return 0;
  return Math.min(6, Math.max(0, Math.ceil(3 - Math.log10(extent))));
}

/** "google:12.5:-3,contract-nimbus:0:44"; empty when there is nothing or too much to place. */
export function encodePositions(positions: Positions): string {
  if (positions.size === 0 || positions.size > MAX_LINKED_POSITIONS) return '';
  const decimals = decimalsFor(positions);
  // + 0 turns -0 into 0.
  const round = (v: number) => String(Number(v.toFixed(decimals)) + 0);
  return [...positions].map(([id, p]) => `${id}:${round(p.x)}:${round(p.y)}`).join(',');
}

/** The usable positions of a link, and how many entries could not be used. */
export function decodePositions(text: string): { positions: Positions; ignored: number } {
  const positions: Positions = new Map();
  let ignored = 0;
  for (const entry of text.split(',')) {
    if (entry === '') continue;
    const parts = entry.split(':');
    const [id, x, y] = [parts[0]!, Number(parts[1]), Number(parts[2])];
    const number = (s: string | undefined) => s !== undefined && s.trim() !== '';
    if (parts.length === 3 && isValidId(id) && number(parts[1]) && number(parts[2]) && Number.isFinite(x) && Number.isFinite(y) && positions.size < MAX_LINKED_POSITIONS) {
      positions.set(id, { x, y });
    } else ignored++;
  }
  return { positions, ignored };
}
