// Hostile files sent to importData by an editor: broken syntax, wrong shapes, bad values,
// references to nothing, empty files of each format, and one past the size bound. A file
// with any problem must write nothing (applied: false, each problem named) or be refused.
import type { GraphQLCase } from './hostileCase.ts';

const IMPORT = `mutation($format: ImportFormat!, $fileName: String!, $content: String!, $rel: String, $src: String, $dryRun: Boolean, $defaultSource: SourceInput) {
  importData(format: $format, fileName: $fileName, content: $content, relationshipsContent: $rel, sourcesContent: $src, dryRun: $dryRun, defaultSource: $defaultSource) {
    applied problems { item reason } } }`;

const source = { id: 'src-fictional-file', publisher: 'Fictional Gazette', title: 'A fictional report', url: 'https://example.org/file' };
const entity = { id: 'fictional-file-co', type: 'Company', name: 'Fictional File Co' };
const relation = { from: 'fictional-file-co', type: 'OPERATES', to: 'nimbus-cloud', status: 'reported', summary: 'A fictional summary.', sources: ['src-fictional-file'] };
const project = (parts: { sources?: unknown[]; entities?: unknown[]; relations?: unknown[] }) => JSON.stringify({ sources: [source], entities: [entity], relations: [], ...parts });

function json(name: string, content: string): GraphQLCase {
  return { name: `import JSON: ${name}`, query: IMPORT, variables: { format: 'JSON', fileName: 'hostile.json', content }, as: 'editor', expect: 'refused' };
}
function graphology(name: string, content: string): GraphQLCase {
  return { name: `import graphology: ${name}`, query: IMPORT, variables: { format: 'GRAPHOLOGY', fileName: 'hostile.json', content }, as: 'editor', expect: 'refused' };
}
function csv(name: string, content: string, rel?: string, src?: string): GraphQLCase {
  return { name: `import CSV: ${name}`, query: IMPORT, variables: { format: 'CSV', fileName: 'entities.csv', content, rel, src }, as: 'editor', expect: 'refused' };
}
function ftm(name: string, content: string, defaultSource?: unknown): GraphQLCase {
  return { name: `import FtM: ${name}`, query: IMPORT, variables: { format: 'FTM', fileName: 'hostile.ftm.json', content, defaultSource }, as: 'editor', expect: 'refused' };
}

const ENTITY_HEADER = 'id,type,name,country,isin,lei,website,value,currency,start,end';
const REL_HEADER = 'from,type,to,status,summary,sources';
const SRC_HEADER = 'id,publisher,title,url,date';
const goodSources = `${SRC_HEADER}\nsrc-fictional-file,Fictional Gazette,A fictional report,https://example.org/file,2021\n`;
const ftmCompany = (props: Record<string, unknown>) => JSON.stringify({ id: 'fictional-ftm-co', schema: 'Company', properties: { name: ['Fictional FtM Co'], ...props } });

export function fileCases(): GraphQLCase[] {
  return [
    json('an empty file', ''),
    json('whitespace', ' \n '),
    json('half an object', '{"entities": ['),
    json('null', 'null'),
    json('a list', '[]'),
    json('a number', '42'),
    json('an empty object', '{}'),
    json('no records in any list', '{"sources": [], "entities": [], "relations": []}'),
    json('lists that are strings', '{"sources": "x", "entities": "y", "relations": "z"}'),
    json('an entity that is a string', project({ entities: ['google'] })),
    json('an entity without an id', project({ entities: [{ type: 'Company', name: 'No Id' }] })),
    json('an entity with a bad id', project({ entities: [{ ...entity, id: 'Not An Id!' }] })),
    json('an unknown entity type', project({ entities: [{ ...entity, type: 'Spaceship' }] })),
    json('a name that is a number', project({ entities: [{ ...entity, name: 42 }] })),
    json('a country "Narnia"', project({ entities: [{ ...entity, country: 'Narnia' }] })),
    json('an ISIN "bad"', project({ entities: [{ ...entity, isin: 'bad' }] })),
    json('an LEI "x"', project({ entities: [{ ...entity, lei: 'x' }] })),
    json('a javascript: website', project({ entities: [{ ...entity, website: 'javascript:alert(1)' }] })),
    json('a contract value of -5', project({ entities: [{ id: 'fictional-file-contract', type: 'Contract', name: 'Fictional', value: -5 }] })),
    json('a currency "NOTACURRENCY"', project({ entities: [{ id: 'fictional-file-contract', type: 'Contract', name: 'Fictional', currency: 'NOTACURRENCY' }] })),
    json('a size that is not whole', project({ entities: [{ id: 'fictional-file-pop', type: 'Population', name: 'Fictional', size: 2.5 }] })),
    json('a date in month 13', project({ entities: [{ id: 'fictional-file-contract', type: 'Contract', name: 'Fictional', start: '2021-13' }] })),
    json('the same id twice', project({ entities: [entity, { ...entity, name: 'Other' }] })),
    json('a claim to nothing', project({ relations: [{ ...relation, to: 'no-such-entity' }] })),
    json('a claim citing nothing', project({ relations: [{ ...relation, sources: [] }] })),
    json('a claim citing an unknown source', project({ relations: [{ ...relation, sources: ['no-such-source'] }] })),
    json('a claim of an unknown type', project({ relations: [{ ...relation, type: 'LOVES' }] })),
    json('a claim those ends cannot have', project({ relations: [{ ...relation, from: 'abuse-rohingya-2017', to: 'fictional-file-co' }] })),
    json('a claim of an unknown status', project({ relations: [{ ...relation, status: 'rumoured' }] })),
    json('a claim with a confidence of 7', project({ relations: [{ ...relation, confidence: 7 }] })),
    json('a claim with a percentage of 200', project({ relations: [{ ...relation, type: 'OWNS', to: 'google', percentage: 200 }] })),
    json('a source with a file: address', project({ sources: [{ ...source, url: 'file:///etc/passwd' }] })),
    json('a source without a publisher', project({ sources: [{ ...source, publisher: '' }] })),
    json('a __proto__ key', `{"__proto__": {"polluted": true}, "sources": [], "entities": [{"id": "fictional-proto", "type": "Company", "name": "P", "__proto__": {"x": 1}}], "relations": [{"from": "fictional-proto", "type": "OPERATES", "to": "nowhere", "status": "reported", "summary": "s", "sources": []}]}`),
    json('nesting 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000)),
    json('a name of a million characters', project({ entities: [{ ...entity, name: 'n'.repeat(1_000_000) }] })),
    json('good records, then one bad', project({ entities: [entity, { id: 'fictional-file-two', type: 'Company', name: 'Two', lei: 'x' }] })),
    { ...json('a good file in a dry run', project({})), name: 'import JSON: a good file in a dry run writes nothing', variables: { format: 'JSON', fileName: 'hostile.json', content: project({}), dryRun: true }, expect: 'answered' },
    { ...json('past the size bound', ''), name: 'import JSON: a file past the size bound', variables: { format: 'JSON', fileName: 'big.json', content: ' '.repeat(20_000_001) } },
    { ...json('an empty file name', project({ entities: [{ ...entity, lei: 'x' }] })), variables: { format: 'JSON', fileName: '', content: project({ entities: [{ ...entity, lei: 'x' }] }) } },

    graphology('an empty file', ''),
    graphology('not JSON', '<graph/>'),
    graphology('nodes that are a string', '{"nodes": "x", "edges": []}'),
    graphology('a node without a key', '{"nodes": [{"attributes": {"type": "Company", "name": "X"}}], "edges": []}'),
    graphology('a node without attributes', '{"nodes": [{"key": "fictional-g"}], "edges": []}'),
    graphology('an edge to a missing node', '{"nodes": [{"key": "fictional-g", "attributes": {"type": "Company", "name": "G"}}], "edges": [{"source": "fictional-g", "target": "nowhere", "attributes": {"type": "OWNS"}}]}'),
    graphology('no nodes and no edges', '{"nodes": [], "edges": []}'),
    graphology('a node of an unknown type', '{"nodes": [{"key": "fictional-g", "attributes": {"type": "Spaceship", "name": "G"}}], "edges": []}'),

    csv('an empty file', ''),
    csv('a header alone', `${ENTITY_HEADER}\n`),
    csv('no header', 'fictional-file-co,Company,Fictional File Co\n'),
    csv('a header without id', 'type,name\nCompany,Fictional\n'),
    csv('an unknown column', 'id,type,name,colour\nfictional-file-co,Company,Fictional,red\n'),
    csv('an unbalanced quote', `${ENTITY_HEADER}\n"fictional-file-co,Company,Fictional\n`),
    csv('more cells than columns', 'id,type,name\nfictional-file-co,Company,Fictional,extra,cells\n'),
    csv('a NUL in a cell', 'id,type,name\nfictional-file-co,Company,Fic\u0000tional\n'),
    csv('a country "Narnia"', `${ENTITY_HEADER}\nfictional-file-co,Company,Fictional,Narnia,,,,,,,\n`),
    csv('an ISIN "bad"', `${ENTITY_HEADER}\nfictional-file-co,Company,Fictional,,bad,,,,,,\n`),
    csv('an LEI "x"', `${ENTITY_HEADER}\nfictional-file-co,Company,Fictional,,,x,,,,,\n`),
    csv('a value of -5', `${ENTITY_HEADER}\nfictional-file-contract,Contract,Fictional,,,,,-5,USD,,\n`),
    csv('a value that is a word', `${ENTITY_HEADER}\nfictional-file-contract,Contract,Fictional,,,,,lots,USD,,\n`),
    csv('a currency "NOTACURRENCY"', `${ENTITY_HEADER}\nfictional-file-contract,Contract,Fictional,,,,,5,NOTACURRENCY,,\n`),
    csv('a claim to nothing', 'id,type,name\nfictional-file-co,Company,Fictional\n', `${REL_HEADER}\nfictional-file-co,OPERATES,no-such-entity,reported,A fictional summary.,src-fictional-file\n`, goodSources),
    csv('a claim citing an unknown source', 'id,type,name\nfictional-file-co,Company,Fictional\n', `${REL_HEADER}\nfictional-file-co,OPERATES,nimbus-cloud,reported,A fictional summary.,no-such-source\n`),
    csv('relationships that are not CSV', 'id,type,name\nfictional-file-co,Company,Fictional\n', '\u0000\u0001garbage'),
    csv('a sources file without url', 'id,type,name\nfictional-file-co,Company,Fictional\n', `${REL_HEADER}\nfictional-file-co,OPERATES,nimbus-cloud,reported,A fictional summary.,src-fictional-file\n`, 'id,publisher,title\nsrc-fictional-file,Fictional Gazette,A report\n'),
    csv('10,000 columns', `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n`),

    ftm('an empty file', ''),
    ftm('a line that is not JSON', 'not json\n'),
    ftm('an empty object', '{}\n'),
    ftm('an entity without an id', '{"schema": "Company", "properties": {"name": ["X"]}}\n'),
    ftm('an unknown schema alone', '{"id": "x1", "schema": "Spaceship", "properties": {"name": ["X"]}}\n'),
    ftm('properties that are not lists', '{"id": "x1", "schema": "Company", "properties": {"name": "X"}}\n'),
    ftm('an ownership of nothing', '{"id": "own-1", "schema": "Ownership", "properties": {"owner": ["nobody"], "asset": ["nothing"]}}\n', source),
    ftm('an LEI "x"', ftmCompany({ leiCode: ['x'] }) + '\n'),
    ftm('a country "narnia"', ftmCompany({ country: ['narnia'] }) + '\n'),
    ftm('a bad default source', ftmCompany({}) + '\n', { ...source, url: 'javascript:x' }),
    ftm('a company without a name', '{"id": "x1", "schema": "Company", "properties": {}}\n'),
  ];
}
