// Rules that keep hostile input out, as pure functions: bracket nesting read before parsing,
// control characters and list bounds in field values, claims joining an entity to itself,
// and the codes given to errors that graphql-js and yoga leave without one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLError } from 'graphql';
import { MAX_LIST_ITEMS, controlCharacterProblem, fieldProblem } from '../../api/domain/fieldRules.ts';
import { validateDataset } from '../../api/exchange/dataset.ts';
import { codeUncoded } from '../../api/http/errorCodes.ts';
import { bracketNesting } from '../../api/limits/documentNesting.ts';

test('bracket nesting counts (), [] and {} and nothing inside strings or comments', () => {
  assert.equal(bracketNesting(''), 0);
  assert.equal(bracketNesting('{ a }'), 1);
  assert.equal(bracketNesting('{ a(x: [[1]]) { b } }'), 4);
  assert.equal(bracketNesting('{ a(x: "[[[[[[") }'), 2);
  assert.equal(bracketNesting('{ a(x: "\\"[[[[") }'), 2, 'an escaped quote does not end the string');
  assert.equal(bracketNesting('{ a(x: """ [[[[ \\""" [[[[ """) }'), 2, 'a block string, with an escaped """ inside');
  assert.equal(bracketNesting('# {{{{{{\n{ a }'), 1, 'a comment');
  assert.equal(bracketNesting('['.repeat(100_000)), 100_000, 'no recursion, however deep');
  assert.equal(bracketNesting('}}}} { a }'), 1, 'stray closers do not go below zero');
});

test('a control character in a text is named with its code and place; tab and line breaks are text', () => {
  assert.equal(controlCharacterProblem('name', 'Acme\tWidgets\r\nLtd'), null);
  assert.equal(controlCharacterProblem('name', 'Ünïcödé 🚀'), null);
  assert.equal(controlCharacterProblem('name', 'ab\u0000c'), '"name" holds the control character U+0000 (at character 3), which belongs in no text');
  assert.match(controlCharacterProblem('title', '\u007f')!, /U\+007F \(at character 1\)/);
  assert.match(controlCharacterProblem('title', 'x\uFFFE')!, /U\+FFFE/);
  assert.match(fieldProblem('description', { kind: 'string', doc: 'A text.' }, 'a\u0007b')!, /U\+0007/);
  assert.match(fieldProblem('aliases', { kind: 'stringList', doc: 'Names.' }, ['fine', 'b\u0001'])!, /"aliases" holds the control character U\+0001/);
});

test('a list field refuses empty items, too many items and items that are too long', () => {
  const list = { kind: 'stringList', doc: 'Names.' } as const;
  assert.equal(fieldProblem('aliases', list, ['A', 'B']), null);
  assert.equal(fieldProblem('aliases', list, ['A', ' ']), '"aliases" holds an empty item; leave it out');
  assert.equal(fieldProblem('aliases', list, Array.from({ length: MAX_LIST_ITEMS }, (_, i) => `A${i}`)), null);
  assert.equal(fieldProblem('aliases', list, Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `A${i}`)), `"aliases" has ${MAX_LIST_ITEMS + 1} items; at most ${MAX_LIST_ITEMS} are kept`);
  assert.match(fieldProblem('aliases', list, ['x'.repeat(10_001)])!, /longer than 10000 characters/);
});

test('a claim that joins an entity to itself is refused', () => {
  const result = validateDataset(
    {
      sources: [{ id: 'src-a', publisher: 'Freedonia Gazette', title: 'A report', url: 'https://gazette.example/a' }],
      entities: [{ id: 'acme', type: 'Company', name: 'Acme Widgets' }],
      relations: [{ from: 'acme', type: 'OWNS', to: 'acme', status: 'reported', summary: 'Owns itself.', sources: ['src-a'] }],
    },
    'self.json',
  );
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.problems.some((p) => p.reason.includes('a claim cannot join an entity to itself')), JSON.stringify(result));
});

test('errors left without a code get the one that says what was wrong; coded ones keep theirs', () => {
  const variable = new GraphQLError('Variable "$limit" got invalid value "ten"; Int cannot represent non-integer value: "ten"');
  codeUncoded(variable);
  assert.equal(variable.extensions.code, 'BAD_USER_INPUT');
  const csrf = new GraphQLError('Required CSRF header(s) not present');
  codeUncoded(csrf);
  assert.equal(csrf.extensions.code, 'FORBIDDEN');
  assert.match(csrf.message, /needs the header x-graphql-yoga-csrf, or a JSON body/);
  const coded = new GraphQLError('Variable "$x" is fine', { extensions: { code: 'NOT_FOUND' } });
  codeUncoded(coded);
  assert.equal(coded.extensions.code, 'NOT_FOUND');
  const other = new GraphQLError('Something else');
  codeUncoded(other);
  assert.equal(other.extensions.code, undefined, 'no guess for an error it does not know');
});
