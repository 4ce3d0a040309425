// Reading the explorer's pictures in tests: the downloads, the nodes and texts of an SVG, the
// size of a PNG, its pixels (decoded by Chromium), and an SVG rendered to a PNG for people to
// look at.
import { readFile, writeFile } from 'node:fs/promises';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser, Page } from 'playwright-core';

/** Clicks an export menu entry and returns the file it downloads, with its suggested name. */
export async function downloadFrom(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-menu').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

export interface SvgPicture {
  width: number;
  height: number;
  viewBox: number[];
  nodes: Map<string, { x: number; y: number; r: number; fill: string; label: string }>;
  texts: string[];
  /** The legend's box and entries. */
  legend: { left: number; entries: { kind: string; key: string; label: string }[] };
}

export function readSvg(svg: string): SvgPicture {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const groups = Array.from(doc.getElementsByTagName('g'));
  const nodes = new Map<string, SvgPicture['nodes'] extends Map<string, infer V> ? V : never>();
  for (const g of groups.filter((g) => g.getAttribute('class') === 'node')) {
    const circle = g.getElementsByTagName('circle')[0]!;
    nodes.set(g.getAttribute('data-id')!, {
      x: Number(circle.getAttribute('cx')),
      y: Number(circle.getAttribute('cy')),
      r: Number(circle.getAttribute('r')),
      fill: circle.getAttribute('fill')!,
      label: g.getElementsByTagName('title')[0]?.textContent ?? '',
    });
  }
  const legendGroup = groups.find((g) => g.getAttribute('class') === 'legend')!;
  const entries = groups
    .filter((g) => g.getAttribute('class') === 'legend-entry')
    .map((g) => ({ kind: g.getAttribute('data-kind')!, key: g.getAttribute('data-key')!, label: g.getElementsByTagName('text')[0]?.textContent ?? '' }));
  return {
    width: Number(root.getAttribute('width')),
    height: Number(root.getAttribute('height')),
    viewBox: (root.getAttribute('viewBox') ?? '').split(' ').map(Number),
    nodes,
    texts: Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? ''),
    legend: { left: Number(legendGroup.getElementsByTagName('rect')[0]!.getAttribute('x')), entries },
  };
}

/** A PNG's size, from its header. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The colours of a PNG at these points, each the pixels of a small square around it, as #rrggbb. */
export async function pngColours(browser: Browser, bytes: Buffer, points: { x: number; y: number }[], half = 2): Promise<string[][]> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ data, points, half }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        // No named inner functions: tsx would wrap them in a helper the page does not have.
        return points.map((p) => {
          const { data } = context.getImageData(Math.round(p.x) - half, Math.round(p.y) - half, 2 * half + 1, 2 * half + 1);
          const colours: string[] = [];
          for (let i = 0; i < data.length; i += 4) {
            colours.push('#' + [data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join(''));
          }
          return colours;
        });
      },
      { data: bytes.toString('base64'), points, half },
    );
  } finally {
    await page.close();
  }
}

/** Renders an SVG in Chromium at its own size and saves it as a PNG, for people to look at. */
export async function renderSvg(browser: Browser, svg: string, path: string): Promise<void> {
  const { width, height } = readSvg(svg);
  const page = await browser.newPage({ viewport: { width, height } });
  try {
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body></html>`);
    await page.screenshot({ path, fullPage: true });
  } finally {
    await page.close();
  }
}

export async function savePicture(path: string, bytes: Buffer): Promise<void> {
  await writeFile(path, bytes);
}
