// Test helper: runs src/web/static/mirror-search.js in node, outside a browser, over a
// search index written by StaticIndexWriter. The shards are evaluated in the script's own
// context, as <script src> would in a page.
//
//   node mirror_search_node.mjs MIRROR_SEARCH_JS INDEX_DIR < requests.json > answers.json
//
// requests.json: {"tokenize": ["劉曉波", ...], "search": [{"q": "...", "lang": 0..2, "page": 1}]}
// answers.json:  {"tokenize": [{"terms": [...], "lone": bool}], "search": [{"total", "paths",
//                "capped", "approximate", "ignored", "bytes", "files"}]}
// "bytes" and "files": what that search loaded, as a browser with an empty cache would.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const [script, indexDir] = process.argv.slice(2);
const requests = JSON.parse(fs.readFileSync(0, 'utf8'));

function fresh() {
  const context = vm.createContext({ TextEncoder });
  vm.runInContext(fs.readFileSync(script, 'utf8'), context, { filename: script });
  const api = context.jzMirrorSearch;
  const loaded = new Set();
  let bytes = 0;
  const load = async (names) => {
    for (const name of names) {
      if (loaded.has(name)) continue;
      const file = path.join(indexDir, `${name}.js`);
      const text = fs.readFileSync(file);
      bytes += text.length;
      loaded.add(name);
      vm.runInContext(text.toString('utf8'), context, { filename: file });
    }
  };
  return { api, load, stats: () => ({ bytes, files: loaded.size }) };
}

const answers = { tokenize: [], search: [] };
for (const text of requests.tokenize || []) {
  // A search first, so the script loads the Traditional -> Simplified buckets it needs.
  const { api, load } = fresh();
  await api.search(text, 2, 1, load);
  const r = api.tokenize(text);
  answers.tokenize.push({ terms: Array.from(r.terms), lone: r.lone });
}
for (const req of requests.search || []) {
  const { api, load, stats } = fresh(); // an empty cache per query
  const r = await api.search(req.q, req.lang ?? 2, req.page ?? 1, load);
  answers.search.push({
    total: r.total,
    paths: r.hits.map((h) => h.path),
    titles: r.hits.map((h) => h.title),
    kinds: r.hits.map((h) => h.kind),
    capped: r.capped,
    approximate: r.approximate,
    ignored: r.ignored,
    pages: r.pages,
    ...stats(),
  });
}
process.stdout.write(JSON.stringify(answers));
