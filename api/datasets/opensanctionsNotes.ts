// What an OpenSanctions import says it did not import, kept, or changed, in the import's
// notes: lines counted by kind and listed (the first ten), so a feed of thousands of lines
// reports in a few sentences and nothing is left out silently.
import { lineList, plural } from '../exchange/formats/common.ts';

/** Lines by label, for notes such as "3 Address records (lines 20, 21, 22)". */
export class Tally {
  readonly lines = new Map<string, number[]>();
  add(label: string, line: number): void {
    const lines = this.lines.get(label);
    if (lines) lines.push(line);
    else this.lines.set(label, [line]);
  }
}

/** Why the model has no place for a schema's lines. */
export const NO_PLACE: Readonly<Record<string, string>> = {
  Address: 'the model keeps no street addresses',
  Identification: 'the model has no field for identity documents',
  Passport: 'the model has no field for identity documents',
  Event: 'an event is neither an abuse nor a conflict without a curator saying which',
  Asset: 'an asset is infrastructure only when a curator says which kind',
  Directorship: 'the model has no directorship relation',
  Family: 'the model has no family relation',
  Associate: 'the model has no relation for associates',
};

export interface NoteParts {
  counts: Record<string, number>;
  datasets: string[];
  /** Lines not imported, by "schema|why". */
  notImported: Tally;
  defaulted: Tally;
  several: Tally;
  unkept: Tally;
  ignored: Map<string, number>;
  countriesFromAddresses: number[];
}

export function feedNotes(p: NoteParts): string[] {
  const c = p.counts;
  const notes = [
    `Read ${plural(c.lines!, 'line', 'lines')} of OpenSanctions ${p.datasets.length === 1 ? 'dataset' : 'datasets'} ${p.datasets.join(', ')}: ` +
      `${plural(c.entities!, 'entity', 'entities')}, ${plural(c.listings!, 'listing', 'listings')} (SANCTIONED_BY, from ${plural(c.sanctions!, 'Sanction', 'Sanctions')}) ` +
      `by ${plural(c.authorities!, 'authority', 'authorities')}, ${plural(c.ownerships!, 'ownership', 'ownerships')} (OWNS), ${plural(c.links!, 'link', 'links')} (LINKED_TO).`,
  ];
  for (const [key, lines] of p.notImported.lines) {
    const [schema, why] = key.split('|') as [string, string];
    notes.push(`${plural(lines.length, `${schema} record`, `${schema} records`)} not imported (${lineList(lines, 10)}): ${why}.`);
  }
  if (p.countriesFromAddresses.length > 0) {
    notes.push(`Took the country of ${plural(p.countriesFromAddresses.length, 'entity', 'entities')} from its Address (${lineList(p.countriesFromAddresses, 10)}): the entity gives none itself.`);
  }
  for (const [label, lines] of p.defaulted.lines) notes.push(`Imported ${plural(lines.length, 'entity', 'entities')} of schema ${label} (${lineList(lines, 10)}): the schema alone does not say which type.`);
  for (const [prop, lines] of p.several.lines) notes.push(`Kept the first of several ${prop} values (${lineList(lines, 10)}): the model holds one.`);
  for (const [value, lines] of p.unkept.lines) notes.push(`Left out ${value} (${lineList(lines, 10)}): not a value the model can hold.`);
  if (p.ignored.size > 0) {
    const props = [...p.ignored].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([prop, n]) => `${prop} (${n})`);
    notes.push(`Ignored FollowTheMoney properties the model has no field for: ${props.join(', ')}.`);
  }
  return notes;
}
