#!/usr/bin/env node
/**
 * Writes the documentation that must not drift from the code, from custom-elements.json
 * (itself generated from the JSDoc on the element classes by `cem analyze`):
 *
 * - README.md: the section between `<!-- api:start -->` and `<!-- api:end -->` (every
 *   element's attributes, properties, methods, events, slots, parts and CSS properties);
 * - vscode.html-custom-data.json: tags and attributes (with their allowed values) for
 *   VS Code's HTML support (`"html.customData": ["./node_modules/civic-widgets/vscode.html-custom-data.json"]`).
 *
 * Run by `npm run analyze`. `--check` writes nothing and exits 1 when either file is out
 * of date (for CI).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const START = '<!-- api:start -->';
const END = '<!-- api:end -->';

/** The analyzer's full manifest (source paths, private members): read here, never shipped. */
const FULL = resolve(root, 'node_modules/.cache/civic-widgets/custom-elements.json');
if (!existsSync(FULL)) {
  console.error(`docs: ${FULL} is missing; run \`npm run analyze\``);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(FULL, 'utf8'));

/** Elements in the order a reader meets them (elements.json, the README's table order); others after, by name. */
const ORDER = JSON.parse(readFileSync(resolve(root, 'elements.json'), 'utf8')).elements.map(
  (name) => `civic-${name}`,
);

const elements = manifest.modules
  .flatMap((mod) => (mod.declarations ?? []).map((d) => ({ ...d, modulePath: mod.path })))
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => rank(a.tagName) - rank(b.tagName) || a.tagName.localeCompare(b.tagName));

function rank(tag) {
  const i = ORDER.indexOf(tag);
  return i === -1 ? ORDER.length : i;
}

if (elements.length === 0) {
  console.error('docs: custom-elements.json lists no custom element; run `cem analyze` first');
  process.exit(1);
}

// ---------- Types and defaults, resolved against the source ----------

const sourceCache = new Map();
function source(path) {
  if (!sourceCache.has(path)) {
    const file = resolve(root, path);
    sourceCache.set(path, existsSync(file) ? readFileSync(file, 'utf8') : '');
  }
  return sourceCache.get(path);
}

/** Every `type Name = 'a' | 'b'` in src/, so `BulletinLayout` can be printed as its values. */
const aliases = new Map();
for (const mod of manifest.modules) {
  const text = source(mod.path);
  for (const m of text.matchAll(/(?:export\s+)?type\s+(\w+)\s*=\s*((?:\s*\|?\s*'[^']*')+)\s*;/g)) {
    aliases.set(
      m[1],
      [...m[2].matchAll(/'([^']*)'/g)].map((v) => v[1]),
    );
  }
}

/** The string values a type allows, when it is a union of string literals (or an alias of one). */
function literalValues(typeText) {
  if (!typeText) return undefined;
  const parts = typeText
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined' && p !== 'null');
  const values = [];
  for (const p of parts) {
    const literal = /^'([^']*)'$/.exec(p) ?? /^"([^"]*)"$/.exec(p);
    if (literal) values.push(literal[1]);
    else if (aliases.has(p)) values.push(...aliases.get(p));
    else return undefined;
  }
  return values.length ? values : undefined;
}

/** A readable type: aliases spelled out, `| undefined` dropped (every optional attribute may be absent). */
function typeOf(typeText, fallback) {
  const values = literalValues(typeText);
  if (values) return values.map((v) => `'${v}'`).join(' | ');
  const text = (typeText ?? fallback ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined')
    .join(' | ');
  return text;
}

/** A default such as `DEFAULT_LIMIT`, resolved to its value when the module declares it. */
function defaultOf(value, modulePath) {
  if (value === undefined) return '';
  if (/^[A-Z][A-Z0-9_]*$/.test(value)) {
    const declared = new RegExp(`(?:const|let)\\s+${value}\\s*(?::[^=]+)?=\\s*([^;\\n]+)`).exec(
      source(modulePath),
    );
    if (declared) return declared[1].trim();
    // Imported: look in every module.
    for (const mod of manifest.modules) {
      const found = new RegExp(`export\\s+const\\s+${value}\\s*(?::[^=]+)?=\\s*([^;\\n]+)`).exec(
        source(mod.path),
      );
      if (found) return found[1].trim();
    }
  }
  return value;
}

// ---------- Markdown ----------

/** Table cells: one line, pipes escaped. */
function cell(text) {
  return (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('|', '\\|')
    .trim();
}

function code(text) {
  return text ? `\`${text}\`` : '';
}

function table(head, rows) {
  if (rows.length === 0) return '';
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

function isPublic(member) {
  return (
    (member.privacy === undefined || member.privacy === 'public') &&
    !member.static &&
    !member.name.startsWith('#')
  );
}

function elementSection(el) {
  const out = [];
  out.push(`### \`<${el.tagName}>\``, '');
  if (el.summary) out.push(`${el.summary}`, '');
  if (el.description) out.push(el.description.trim(), '');
  out.push(
    `Class \`${el.name}\`; registered by \`import 'civic-widgets/${el.tagName.replace(/^civic-/, '')}.js'\`.`,
    '',
  );

  const attributes = el.attributes ?? [];
  const members = (el.members ?? []).filter(isPublic);
  const fields = members.filter((m) => m.kind === 'field');
  const attributeFields = new Set(attributes.map((a) => a.fieldName).filter(Boolean));

  if (attributes.length) {
    out.push('**Attributes**', '');
    out.push(
      table(
        ['attribute', 'property', 'type', 'default', 'meaning'],
        attributes.map((a) => {
          const field = fields.find((f) => f.name === a.fieldName);
          const type = typeOf(
            a.type?.text ?? field?.type?.text,
            field?.default === 'false' ? 'boolean' : undefined,
          );
          return [
            code(a.name),
            a.fieldName ? code(a.fieldName) : '',
            cell(code(type)),
            cell(code(defaultOf(a.default ?? field?.default, el.modulePath))),
            cell(a.description ?? field?.description),
          ];
        }),
      ),
    );
  }

  const propertiesOnly = fields.filter((f) => !attributeFields.has(f.name));
  if (propertiesOnly.length) {
    out.push('**Properties** (JavaScript only)', '');
    out.push(
      table(
        ['property', 'type', 'meaning'],
        propertiesOnly.map((f) => [
          code(f.name),
          cell(code(typeOf(f.type?.text))),
          cell(f.description),
        ]),
      ),
    );
  }

  const methods = members.filter(
    (m) =>
      m.kind === 'method' &&
      !['render', 'connectedCallback', 'disconnectedCallback'].includes(m.name),
  );
  if (methods.length) {
    out.push('**Methods**', '');
    out.push(
      table(
        ['method', 'meaning'],
        methods.map((m) => [
          code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`),
          cell(m.description),
        ]),
      ),
    );
  }

  const events = el.events ?? [];
  if (events.length) {
    out.push('**Events** (bubbling, composed)', '');
    out.push(
      table(
        ['event', 'detail and when'],
        events.map((e) => [code(e.name), cell(e.description)]),
      ),
    );
  }

  const slots = el.slots ?? [];
  if (slots.length) {
    out.push('**Slots**', '');
    out.push(
      table(
        ['slot', 'content'],
        slots.map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
      ),
    );
  }

  const parts = el.cssParts ?? [];
  if (parts.length) {
    out.push('**CSS parts** (style with `::part(name)`)', '');
    out.push(
      table(
        ['part', 'what'],
        parts.map((p) => [code(p.name), cell(p.description)]),
      ),
    );
  }

  const props = el.cssProperties ?? [];
  if (props.length) {
    out.push('**CSS custom properties**', '');
    out.push(
      table(
        ['property', 'meaning'],
        props.map((p) => [code(p.name), cell(p.description)]),
      ),
    );
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const generated = [
  START,
  '<!-- Generated by scripts/docs.mjs from custom-elements.json: edit the JSDoc in src/, then run `npm run analyze`. -->',
  '',
  'Every element takes `locale` and `time-zone`; the feed widgets also take `src` and `.feed`.',
  'The shared colour and font tokens are listed under [Theming](#theming).',
  '',
  ...elements.map((el) => `${elementSection(el)}\n`),
  END,
].join('\n');

// ---------- VS Code custom data ----------

function markdown(value) {
  return { kind: 'markdown', value };
}

const customData = {
  $schema:
    'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => {
    const fields = (el.members ?? []).filter((m) => m.kind === 'field');
    return {
      name: el.tagName,
      description: markdown(
        [el.summary, el.description?.trim()]
          .filter(Boolean)
          .join('\n\n')
          .concat(
            (el.events ?? []).length
              ? `\n\nEvents: ${(el.events ?? []).map((e) => `\`${e.name}\``).join(', ')}.`
              : '',
            (el.cssParts ?? []).length
              ? `\n\nParts: ${(el.cssParts ?? []).map((p) => `\`${p.name}\``).join(', ')}.`
              : '',
          ),
      ),
      attributes: (el.attributes ?? []).map((a) => {
        const field = fields.find((f) => f.name === a.fieldName);
        const typeText = a.type?.text ?? field?.type?.text ?? '';
        const attribute = { name: a.name };
        if (a.description) attribute.description = markdown(a.description);
        if (/^boolean$/.test(typeText.replace(/\s*\|\s*undefined/, ''))) attribute.valueSet = 'v';
        const values = literalValues(typeText);
        if (values) attribute.values = values.map((name) => ({ name }));
        return attribute;
      }),
    };
  }),
};

// ---------- The package's custom-elements.json ----------

/** The event classes, by event name, for the events' `type`. */
const EVENT_TYPES = {
  'civic-feed-load': 'CivicFeedLoadEvent',
  'civic-feed-error': 'CivicFeedErrorEvent',
};
/** Without the analyzer's source paths (`module: "src/…"`), which the package does not ship. */
function withoutSource(entry) {
  const { inheritedFrom, ...rest } = entry;
  return inheritedFrom ? { ...rest, inheritedFrom: { name: inheritedFrom.name } } : rest;
}

/**
 * The manifest tools read (`customElements` in package.json): each element in the module
 * a user imports (`civic-widgets/<name>.js`, which defines it and exports its class), its
 * public attributes, properties, methods, events (typed), slots, parts and CSS
 * properties; none of the analyzer's internal functions, private members or source paths.
 */
const slim = {
  schemaVersion: manifest.schemaVersion,
  readme: 'README.md',
  modules: elements.map((el) => {
    const name = el.tagName.replace(/^civic-/, '');
    const declaration = {
      kind: 'class',
      customElement: true,
      tagName: el.tagName,
      name: el.name,
      ...(el.summary ? { summary: el.summary } : {}),
      description: el.description ?? '',
      superclass: { name: 'LitElement', package: 'lit' },
      attributes: (el.attributes ?? []).map(withoutSource),
      members: (el.members ?? []).filter(isPublic).map(withoutSource),
      events: (el.events ?? []).map((e) => ({
        ...withoutSource(e),
        ...(EVENT_TYPES[e.name] ? { type: { text: EVENT_TYPES[e.name] } } : {}),
      })),
      slots: el.slots ?? [],
      cssParts: el.cssParts ?? [],
      cssProperties: el.cssProperties ?? [],
    };
    return {
      kind: 'javascript-module',
      path: `dist/${name}.js`,
      declarations: [declaration],
      exports: [
        { kind: 'js', name: el.name, declaration: { name: el.name, module: `dist/${name}.js` } },
        {
          kind: 'custom-element-definition',
          name: el.tagName,
          declaration: { name: el.name, module: `dist/${name}.js` },
        },
      ],
    };
  }),
};
writeFileSync(resolve(root, 'custom-elements.json'), `${JSON.stringify(slim, null, 2)}\n`);

// ---------- Framework types (JSX for React, GlobalComponents for Vue) ----------

const pascal = (tag) => tag.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
const frameworksPath = resolve(root, 'src/components/frameworks.ts');

/**
 * `src/components/frameworks.ts`: each element's attributes (by their HTML names) and
 * settable properties, typed by indexed access into its class (so `variant="fancy"` is an
 * error wherever the class says which variants exist), added to React's JSX and Vue's
 * GlobalComponents. Every element's define module re-exports it, so an app that imports
 * the element gets the types with no declaration file of its own.
 */
function frameworkTypes() {
  const lines = [
    '// Generated by scripts/docs.mjs from the element classes (see custom-elements.json):',
    '// edit the classes and their JSDoc, then run `npm run analyze`. Types only.',
    '/* eslint-disable */',
  ];
  for (const el of elements) {
    const from = `./${el.modulePath.replace(/^src\/components\//, '').replace(/\.ts$/, '.js')}`;
    lines.push(`import type { ${el.name} } from '${from}';`);
  }
  lines.push(
    '',
    '/** A numeric property also takes its number written as an attribute string. */',
    'type Attr<T> = T extends number ? T | `${number}` : T;',
    '',
  );
  for (const el of elements) {
    const P = pascal(el.tagName);
    const fields = (el.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
    lines.push(
      `/** \`<${el.tagName}>\`'s attributes and settable properties, typed by its class. */`,
    );
    lines.push(`export interface ${P}Props {`);
    for (const a of el.attributes ?? []) {
      if (!a.fieldName) continue;
      const key = /^[a-z]+$/.test(a.name) ? a.name : `'${a.name}'`;
      lines.push(`  ${key}?: Attr<${el.name}['${a.fieldName}']> | null;`);
    }
    for (const f of fields) {
      if (f.attribute || f.readonly) continue;
      lines.push(`  ${f.name}?: ${el.name}['${f.name}'];`);
    }
    lines.push('}', '');
  }
  lines.push(
    "/** React 19 (`react-jsx`): the elements in JSX, with their own props and React's HTML ones. */",
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
  );
  for (const el of elements)
    lines.push(
      `      '${el.tagName}': import('react').DetailedHTMLProps<import('react').HTMLAttributes<${el.name}>, ${el.name}> & ${pascal(el.tagName)}Props;`,
    );
  lines.push('    }', '  }', '}', '');
  lines.push(
    '/** Vue 3 templates (with `compilerOptions.isCustomElement` set, see the README). */',
    "declare module 'vue' {",
    '  interface GlobalComponents {',
  );
  for (const el of elements)
    lines.push(`    '${el.tagName}': import('vue').DefineComponent<${pascal(el.tagName)}Props>;`);
  lines.push('  }', '}', '');
  return lines.join('\n');
}
const nextFrameworks = frameworkTypes();

// ---------- Write (or check) ----------

const readmePath = resolve(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start === -1 || end === -1 || end < start) {
  console.error(`docs: README.md needs the markers ${START} and ${END} around the API section`);
  process.exit(1);
}
const nextReadme = readme.slice(0, start) + generated + readme.slice(end + END.length);
const dataPath = resolve(root, 'vscode.html-custom-data.json');
const nextData = `${JSON.stringify(customData, null, 2)}\n`;

const stale = [];
if (nextReadme !== readme) stale.push('README.md');
// The VS Code data is not committed (the build writes it), so only a write compares it.
if (!check && (!existsSync(dataPath) || readFileSync(dataPath, 'utf8') !== nextData))
  stale.push('vscode.html-custom-data.json');
if (!existsSync(frameworksPath) || readFileSync(frameworksPath, 'utf8') !== nextFrameworks)
  stale.push('src/components/frameworks.ts');

if (check) {
  if (stale.length) {
    console.error(`docs: out of date: ${stale.join(', ')} (run npm run analyze)`);
    process.exit(1);
  }
  console.log('docs: README.md and src/components/frameworks.ts are up to date');
} else {
  writeFileSync(readmePath, nextReadme);
  writeFileSync(dataPath, nextData);
  writeFileSync(frameworksPath, nextFrameworks);
  console.log(
    `docs: ${elements.length} elements written to README.md and vscode.html-custom-data.json`,
  );
}
