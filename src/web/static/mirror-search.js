// Search on a static mirror, without a server. The mirror's LANG/search.html loads this
// with <script src="../static/mirror-search.js" data-index="../search/" defer>; it reads
// ?q=, folds and tokenizes the query exactly as src/search/fold.cpp and tokenizer.cpp do,
// loads only the index shards of its terms (src/search/static_index.cpp writes them; see
// src/search/README.md) as classic scripts — fetch() of file:// is refused, a script is not
// — and lists the results after the form. Without JavaScript the page shows the form and
// its note. Nothing here talks to another host. Plain JavaScript (async functions and
// Unicode property escapes: every browser since 2020, Tor Browser included), no build step.
(function (root) {
  'use strict';

  // ---- Folding (fold.cpp) ------------------------------------------------------------------
  var BREAK = 0, WORD = 1, IDEO = 2, DOT = 3;
  var NAME_DOTS = [0x2d, 0xb7, 0x2010, 0x2011, 0x2022, 0x2027, 0x30fb];
  var reMark = /^\p{M}/u;
  var reAlnum = /^[\p{L}\p{Nd}]/u;
  var reIdeo = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
  var reDropsMarks = /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]/u;
  var reIgnorable = /\p{Default_Ignorable_Code_Point}/gu;
  var simplified = {}; // code point -> code point, filled from the index's f/N shards

  function classify(ch) {
    if (NAME_DOTS.indexOf(ch.codePointAt(0)) >= 0) return DOT;
    if (!reAlnum.test(ch) && !reMark.test(ch)) return BREAK;
    return reIdeo.test(ch) ? IDEO : WORD;
  }

  // ICU's NFKC_Casefold, near enough: JavaScript lower-cases rather than case-folds, so the
  // few letters where the two differ and a reader may type are mapped by hand.
  function nfkcCasefold(s) {
    s = s.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ');
    return s.replace(/\u0345/g, 'ι').normalize('NFKC').replace(reIgnorable, '');
  }

  // Calls emit(codePoint, class) for each folded code point of text, as fold_next does.
  function foldEach(text, emit) {
    var chars = Array.from(text);
    for (var i = 0; i < chars.length; ) {
      var c = chars[i].codePointAt(0);
      if (c < 0x80) {
        var lower = c >= 65 && c <= 90 ? c + 32 : c;
        var alnum = (lower >= 48 && lower <= 57) || (lower >= 97 && lower <= 122);
        emit(lower, alnum ? WORD : c === 0x2d ? DOT : BREAK);
        i++;
        continue;
      }
      var next = i + 1 < chars.length ? chars[i + 1].codePointAt(0) : 0;
      // fold_next's fast path: a common ideograph not followed by U+0300..U+2FFF.
      if (c >= 0x3400 && c <= 0x9fff && !(next >= 0x300 && next <= 0x2fff)) {
        emit(simplified[c] || c, IDEO);
        i++;
        continue;
      }
      // A code point with its combining marks, folded together (fold_other).
      var cluster = chars[i++];
      while (i < chars.length && reMark.test(chars[i]) && cluster.length <= 16) cluster += chars[i++];
      var folded = Array.from(nfkcCasefold(cluster));
      var strip = folded.length > 0 && reDropsMarks.test(folded[0]);
      var count = 0;
      var push = function (ch) {
        var k = classify(ch), cp = ch.codePointAt(0);
        emit(k === IDEO ? simplified[cp] || cp : cp, k);
        count++;
      };
      folded.forEach(function (f) {
        if (!strip) {
          if (!(reMark.test(f) && count === 0)) push(f);
        } else {
          Array.from(f.normalize('NFD')).forEach(function (q) {
            if (!reMark.test(q)) push(q);
          });
        }
      });
    }
  }

  // ---- Tokenizing (tokenizer.cpp, query mode) ------------------------------------------------
  // Words; ideograph runs as bigrams, a run of one as its unigram; name dots and spaces
  // join a run. Returns the terms and whether the last run had one character.
  function tokenize(text) {
    var out = [], word = '', wordBytes = 0, last = 0, hasLast = false, run = 0;
    var pending = null, lone = false;
    function emit(t) {
      if (pending !== null) out.push(pending);
      pending = null;
      out.push(t);
      lone = false;
    }
    function endWord() {
      if (word) emit(word);
      word = '';
      wordBytes = 0;
    }
    function endRun() {
      if (!hasLast) return;
      hasLast = false;
      var t = String.fromCodePoint(last);
      if (run === 1) {
        emit(t);
        lone = true;
      } else {
        pending = t; // emitted only if more terms follow (keeps phrase positions)
      }
    }
    foldEach(text, function (c, k) {
      if (k === WORD) {
        endRun();
        if (wordBytes < 64) {
          word += String.fromCodePoint(c);
          wordBytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
      } else if (k === IDEO) {
        endWord();
        if (hasLast) emit(String.fromCodePoint(last, c));
        run = hasLast ? run + 1 : 1;
        hasLast = true;
        last = c;
      } else if (k === DOT) {
        if (!hasLast) endWord();
      } else if (!(c === 32 && hasLast)) {
        endWord();
        endRun();
      }
    });
    endWord();
    endRun();
    return { terms: out, lone: lone };
  }

  // ---- The query language (query.cpp), forgiving: no errors on a mirror ----------------------
  // Words, "phrases" (“…” 「…」), -exclusion, name:. A phrase is searched as all its terms
  // (anywhere in the record, not necessarily in a row). province:, kind:, status:, year: are
  // left out and the reader is told.
  function parseQuery(text) {
    var cs = Array.from(text), i = 0, terms = [], ignored = false;
    var space = function (c) { return /^[ \t\n\r\u3000]$/.test(c); };
    var close = { '"': '"', '“': '”', '「': '」' };
    while (i < cs.length) {
      if (space(cs[i])) { i++; continue; }
      var t = { text: '', exclude: false, names: false };
      if ((cs[i] === '-' || cs[i] === '－') && i + 1 < cs.length && !space(cs[i + 1])) { t.exclude = true; i++; }
      var j = i;
      while (j < cs.length && /^[A-Za-z]$/.test(cs[j])) j++;
      if (j > i && j + 1 < cs.length && (cs[j] === ':' || cs[j] === '：') && !space(cs[j + 1])) {
        var field = cs.slice(i, j).join('').toLowerCase();
        if (field === 'name') { t.names = true; i = j + 1; }
        else if (/^(province|kind|status|year)$/.test(field)) { ignored = true; i = j + 1; t.skip = true; }
      }
      if (close[cs[i]]) {
        var end = cs.indexOf(close[cs[i]], i + 1);
        if (end < 0) end = cs.length;
        t.text = cs.slice(i + 1, end).join('');
        i = end + 1;
      } else {
        for (j = i; j < cs.length && !space(cs[j]); j++);
        t.text = cs.slice(i, j).join('');
        i = j;
      }
      if (!t.skip) terms.push(t);
    }
    return { terms: terms, ignored: ignored };
  }

  // ---- The index -----------------------------------------------------------------------------
  function fnv1a(s) {
    var bytes = new TextEncoder().encode(s), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619) >>> 0;
    return h;
  }

  // Doc numbers: gaps in base 32, the last digit of each from LAST (static_index.cpp).
  var MORE = '0123456789abcdefghijklmnopqrstuv', LAST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_.';
  function decode(s) {
    var out = [], n = 0, doc = -1;
    for (var i = 0; i < s.length; i++) {
      var d = MORE.indexOf(s[i]);
      if (d >= 0) { n = n * 32 + d; continue; }
      doc += 1 + n * 32 + LAST.indexOf(s[i]);
      out.push(doc);
      n = 0;
    }
    return out;
  }

  var shards = {}; // name -> payload, filled by add() as each shard script runs
  function add(name, payload) { shards[name] = payload; }

  var TERM_BUDGET = 56000, DOC_BUDGET = 40000; // bytes per query, with meta and fold ≈ 100 KB
  var LANG_DIRS = ['zh-hans', 'zh-hant', 'en'];

  // The search itself. load(names) resolves when those shards have run (script tags in a
  // browser, files in the tests). Returns one page of hits in language `lang` (0..2).
  async function search(query, lang, page, load) {
    await load(['meta']);
    var meta = shards.meta, parsed = parseQuery(query), need = {};
    Array.from(query.normalize('NFKC')).forEach(function (ch) {
      var c = ch.codePointAt(0);
      if (c >= 0x2e80 && meta.foldShards) need['f/' + (c % meta.foldShards)] = 1;
    });
    await load(Object.keys(need));
    Object.keys(need).forEach(function (name) {
      var cs = Array.from(shards[name]);
      for (var i = 0; i + 1 < cs.length; i += 2) simplified[cs[i].codePointAt(0)] = cs[i + 1].codePointAt(0);
    });
    var approximate = false, names = [], most = Math.max(1, Math.floor(TERM_BUDGET / meta.largestTermShard));
    parsed.terms.forEach(function (t) {
      t.tokens = tokenize(t.text).terms;
      t.tokens.forEach(function (k) {
        var name = 't/' + (fnv1a(k) % meta.termShards);
        if (names.indexOf(name) < 0) {
          if (names.length < most) names.push(name);
          else approximate = true; // over the budget: this term is left out
        }
      });
    });
    await load(names);
    var capped = false;
    function postings(token) {
      var name = 't/' + (fnv1a(token) % meta.termShards);
      if (!shards[name]) return null;
      var at = ('\n' + shards[name] + '\n').indexOf('\n' + token + '\t');
      if (at < 0) return { all: [], names: new Set(), titles: new Set() };
      // term TAB names TAB titles TAB body [TAB total when the lists were cut]
      var f = shards[name].slice(at).split('\n')[0].split('\t');
      if (f[4]) capped = true;
      var names = decode(f[1]), titles = names.concat(decode(f[2]));
      return { all: titles.concat(decode(f[3])), names: new Set(names), titles: new Set(titles) };
    }
    function and(a, b) { return a ? new Set(Array.from(a).filter(function (d) { return b.has(d); })) : b; }
    // Each term: the docs holding all its tokens, in names, in names or titles, anywhere.
    var positive = [], excluded = new Set();
    parsed.terms.forEach(function (t) {
      var r = null;
      t.tokens.forEach(function (k) {
        var p = postings(k);
        if (!p) return;
        r = r || {};
        r.docs = and(r.docs, t.names ? p.names : new Set(p.all));
        r.names = and(r.names, p.names);
        r.titles = and(r.titles, p.titles);
      });
      if (!r) return;
      if (t.exclude) r.docs.forEach(function (d) { excluded.add(d); });
      else positive.push(r);
    });
    var hits = [];
    if (positive.length) {
      positive[0].docs.forEach(function (d) {
        if (excluded.has(d) || !positive.every(function (p) { return p.docs.has(d); })) return;
        var score = 0; // names count 2, titles 1, body 0, per term (the live engine's order)
        positive.forEach(function (p) { score += p.names.has(d) ? 2 : p.titles.has(d) ? 1 : 0; });
        hits.push([d, score]);
      });
    }
    // Names first, then titles, then in doc order.
    hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    // Each hit shown may sit in a different doc shard: the page is as long as the budget allows.
    var size = Math.max(5, Math.min(20, Math.floor(DOC_BUDGET / meta.largestDocShard)));
    var pages = Math.max(1, Math.ceil(hits.length / size));
    page = Math.min(Math.max(1, page), pages);
    var shown = hits.slice((page - 1) * size, page * size).map(function (h) { return h[0]; });
    var docShard = function (d) { return 'd/' + LANG_DIRS[lang] + '/' + Math.floor(d / meta.docsPerShard); };
    await load(shown.map(docShard).filter(function (n, i, a) { return a.indexOf(n) === i; }));
    return {
      total: hits.length, page: pages > 1 ? page : 1, pages: pages, first: (page - 1) * size + 1,
      capped: capped, approximate: approximate, ignored: parsed.ignored,
      hits: shown.map(function (d) {
        var e = shards[docShard(d)].split('\n')[d % meta.docsPerShard].split('\t');
        var kind = meta.kinds[e[1]];
        return { path: e[0], kind: kind ? kind[lang] : e[1], title: e[2], line: e[3] };
      }),
    };
  }

  var api = { add: add, fold: foldEach, tokenize: tokenize, parseQuery: parseQuery, fnv1a: fnv1a, search: search, shards: shards };
  root.jzMirrorSearch = api;

  // ---- The page ------------------------------------------------------------------------------
  var doc = root.document;
  if (!doc || !doc.currentScript) return; // loaded by the tests, not by a page
  var base = doc.currentScript.getAttribute('data-index') || '../search/';

  var TEXT = [
    ['找到 {n} 条结果', '没有找到结果。', '这个搜索匹配的记录太多，镜像只显示最相关的结果；加一个词可以缩小范围。', '省份、类别、状态、年份等筛选只在主站可用，这里已忽略。', '无法载入本镜像的搜索索引。', '上一页', '下一页', '正在搜索…', '搜索结果'],
    ['找到 {n} 條結果', '沒有找到結果。', '這個搜尋符合的記錄太多，鏡像只顯示最相關的結果；加一個詞可以縮小範圍。', '省份、類別、狀態、年份等篩選只在主站可用，這裡已忽略。', '無法載入本鏡像的搜尋索引。', '上一頁', '下一頁', '正在搜尋…', '搜尋結果'],
    ['{n} results', 'Nothing found.', 'This search matches more records than a mirror can look through: only the best matches are shown. Add a word to narrow it.', 'Filters such as province:, kind:, status: and year: only work on the live site; they were left out.', 'The search index of this mirror could not be loaded.', 'Previous', 'Next', 'Searching…', 'Search results'],
  ];
  var htmlLang = (doc.documentElement.lang || '').toLowerCase();
  var lang = /^zh-(hant|tw|hk|mo)/.test(htmlLang) ? 1 : /^zh/.test(htmlLang) ? 0 : 2;
  var t = TEXT[lang];

  function loadScripts(names) {
    return Promise.all(names.map(function (name) {
      if (shards[name] !== undefined) return null;
      return new Promise(function (resolve, reject) {
        var s = doc.createElement('script');
        s.src = base + name + '.js';
        s.onload = resolve;
        s.onerror = function () { reject(new Error(name)); };
        doc.head.appendChild(s);
      });
    }));
  }

  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function start() {
    var params = new URLSearchParams(root.location.search);
    var q = (params.get('q') || '').trim();
    var input = doc.querySelector('input[name="q"]');
    if (input) input.value = q;
    var note = doc.getElementById('mirror-search-note');
    if (note) note.hidden = true;
    if (!q) return;
    var out = el('section', { id: 'mirror-search-results', class: 'mirror-search', 'aria-label': t[8] });
    var form = input && input.form;
    if (form) form.parentNode.insertBefore(out, form.nextSibling);
    else doc.body.appendChild(out);
    out.appendChild(el('p', { class: 'mirror-search-status' }, t[7]));
    search(q, lang, parseInt(params.get('page'), 10) || 1, loadScripts).then(function (r) {
      out.textContent = '';
      out.appendChild(el('p', { class: 'total' }, r.total ? t[0].replace('{n}', r.total) : t[1]));
      if (r.capped || r.approximate) out.appendChild(el('p', { class: 'mirror-search-capped' }, t[2]));
      if (r.ignored) out.appendChild(el('p', { class: 'mirror-search-ignored' }, t[3]));
      if (!r.hits.length) return;
      var ol = el('ol', { class: 'hits', start: r.first });
      r.hits.forEach(function (h) {
        var li = el('li');
        li.appendChild(el('span', { class: 'kind' }, h.kind));
        li.appendChild(doc.createTextNode(' '));
        li.appendChild(el('a', { href: h.path }, h.title || h.path));
        if (h.line) li.appendChild(el('p', { class: 'snippet' }, h.line));
        ol.appendChild(li);
      });
      out.appendChild(ol);
      if (r.pages > 1) {
        var nav = el('nav', { class: 'pages' });
        var link = function (p, rel, label) {
          params.set('page', p);
          nav.appendChild(el('a', { href: '?' + params.toString(), rel: rel }, label));
          nav.appendChild(doc.createTextNode(' '));
        };
        if (r.page > 1) link(r.page - 1, 'prev', t[5]);
        if (r.page < r.pages) link(r.page + 1, 'next', t[6]);
        out.appendChild(nav);
      }
    }, function () {
      out.textContent = '';
      out.appendChild(el('p', { class: 'problem', role: 'alert' }, t[4]));
    });
  }
  start();
})(this);
