#!/usr/bin/env bash
# The public site end to end: the real binary on a free port over the demo data plus
# records full of canaries (strings that must never be served). Every route in every
# language, status codes, headers, languages, a crawl of the whole site and API that finds
# no canary, bad and hostile input, caching (ETag, 304, gzip, a write from another process),
# the read API, page weight, and a clean stop with an access log that names no client.
#
# Needs curl and python3 (the crawler and JSON checks); gzip for the compressed bodies.
source "$(dirname "$0")/lib.sh"

for tool in curl python3 gzip; do
  command -v "$tool" >/dev/null || die "$tool is needed by this test"
done

DB=$WORK/j.db
expect_ok jz "$DB" demo

# --- canaries --------------------------------------------------------------------------------
# Every string that must never be served contains "canary" (any case), 金丝雀 (金絲雀 once
# converted to Traditional) or "zzq" (slugs and keys of non-public records), or is the id of
# a non-public record. Public records here carry none of them.
cat >canaries.jsonl <<'EOF'
{"id":"s0000000c01","kind":"source","slug":"zzq-conf-source","visibility":"confidential","body":{"type":"testimony","title":{"zh":"金丝雀来源","en":"CANARY-CONF-SOURCE"},"url":"https://canary-conf-source.example/"}}
{"id":"f0000000c01","kind":"facility","slug":"zzq-conf-facility","visibility":"confidential","body":{"type":"black_jail","name":{"zh":"金丝雀黑监狱","en":"CANARY-CONF-FACILITY"},"province":"gansu"}}
{"id":"t0000000c01","kind":"topic","slug":"zzq-conf-topic","visibility":"confidential","body":{"key":"zzq_conf_topic","title":{"zh":"金丝雀专题","en":"CANARY-CONF-TOPIC"}}}
{"id":"o0000000c01","kind":"organization","slug":"zzq-conf-org","visibility":"confidential","body":{"type":"ngo","name":{"zh":"金丝雀组织","en":"CANARY-CONF-ORG"},"url":"https://canary-conf-org.example/"}}
{"id":"o0000000p01","kind":"organization","slug":"test-public-org","confidential":["/body/url","/body/summary"],"body":{"type":"ngo","name":{"zh":"公开组织戊","en":"Public Org E"},"url":"https://canary-hidden-url.example/","summary":{"en":"CANARY-ORG-SUMMARY"}}}
{"id":"p0000000c01","kind":"person","slug":"zzq-confidential","visibility":"confidential","body":{"name":{"zh":"金丝雀甲","en":"CANARY-CONFIDENTIAL-NAME"},"status":"detained","province":"qinghai"}}
{"id":"p0000000r01","kind":"person","slug":"zzq-restricted","visibility":"restricted","body":{"name":{"en":"CANARY-RESTRICTED-NAME"},"status":"disappeared"}}
{"id":"p0000000h01","kind":"person","slug":"test-public-with-secrets","confidential":["/body/health","/body/name/en","/body/province","/body/groups","/body/aliases/0","/sources/0"],"sources":[{"source":"sny69j72z8r","locator":"CANARY-HIDDEN-LOCATOR"},{"source":"s0000000c01","locator":"CANARY-CONF-CITE"}],"body":{"name":{"zh":"公开人乙","en":"CANARY-HIDDEN-EN"},"aliases":[{"name":"CANARY-ALIAS","system":"english"}],"province":"ningxia","groups":["petitioner"],"health":{"zh":"金丝雀健康","en":"CANARY-HEALTH"},"status":"detained","summary":{"zh":"公开摘要乙","en":"Public summary B"}}}
{"id":"p0000000k01","kind":"person","slug":"test-public-linker","links":[{"type":"detained_at","target":"f0000000c01","note":{"en":"CANARY-LINK-NOTE-FACILITY"}},{"type":"related_to","target":"p44sj9v9201","visibility":"confidential","note":{"en":"CANARY-CONF-LINK-NOTE"}},{"type":"family_of","target":"p0000000c01","note":{"en":"CANARY-LINK-NOTE-PERSON"}},{"type":"member_of","target":"o0000000c01"}],"body":{"name":{"zh":"公开人丙","en":"Public Person C"},"status":"released","province":"qinghai"}}
{"id":"c0000000p01","kind":"case","slug":"test-public-case","confidential":["/body/summary"],"body":{"title":{"zh":"公开案件丁","en":"Public case D"},"summary":{"zh":"金丝雀案情","en":"CANARY-CASE-SUMMARY"},"persons":["p0000000c01","p0000000k01"],"topics":["t0000000c01"],"facilities":["f0000000c01"],"lawyers":["p0000000r01","o0000000c01"],"status":"on_trial","featured":true}}
{"id":"c0000000p02","kind":"case","slug":"test-hidden-members","confidential":["/body/persons/0","/body/topics/0"],"body":{"title":{"zh":"隐藏成员案HIDDENREF","en":"HIDDENREF case"},"persons":["p44sj9v9201"],"topics":["trd21pta56c"],"status":"closed"}}
{"id":"e0000000c01","kind":"event","slug":"zzq-conf-event","visibility":"confidential","body":{"type":"torture_reported","date":"2020","case":"c0000000p01","persons":["p0000000k01"],"title":{"zh":"金丝雀事件","en":"CANARY-CONF-EVENT"}}}
{"id":"e0000000p01","kind":"event","slug":"test-public-event","confidential":["/body/place"],"body":{"type":"taken_away","date":"2019-05","case":"c0000000p01","persons":["p0000000k01","p0000000c01"],"facility":"f0000000c01","place":{"zh":"金丝雀地点","en":"CANARY-PLACE"},"title":{"zh":"公开事件","en":"Public event"}}}
{"id":"e0000000p02","kind":"event","slug":"test-hidden-refs-event","confidential":["/body/persons/0","/body/facility"],"body":{"type":"hunger_strike","date":"2018","case":"c0000000p02","persons":["p44sj9v9201"],"facility":"f32cp4y0hs1","title":{"zh":"隐藏引用事件HIDDENREF","en":"HIDDENREF event"}}}
EOF
expect_ok jz "$DB" import --format jsonl canaries.jsonl
printf '%s\n' canary 金丝雀 金絲雀 zzq p0000000c01 p0000000r01 s0000000c01 f0000000c01 \
  t0000000c01 e0000000c01 o0000000c01 >canaries.txt

# Ids of demo records of each kind, from the database (canary records excluded).
first_public() {
  sql "$DB" "SELECT id FROM records WHERE kind = '$1' AND visibility = 'public'
             AND id NOT LIKE '_0000000%' ORDER BY id LIMIT 1"
}
LIU=p44sj9v9201 # 刘晓波 in data/demo/demo.jsonl
CASE_ID=$(first_public case)
FACILITY_ID=$(first_public facility)
ORG_ID=$(first_public organization)
TOPIC_ID=$(first_public topic)
SOURCE_ID=$(first_public source)
for v in "$CASE_ID" "$FACILITY_ID" "$ORG_ID" "$TOPIC_ID" "$SOURCE_ID"; do
  [[ -n "$v" ]] || die "the demo data lacks a public record of some kind"
done
[[ "$(sql "$DB" "SELECT visibility FROM records WHERE id = '$LIU'")" == public ]] ||
  die "the demo data no longer has 刘晓波 as $LIU"

# --- start on a free port ----------------------------------------------------------------------
# --port 0 lets the system choose; the line "serving on http://127.0.0.1:PORT/" says which.
start_server "$DB"

# --- helpers -----------------------------------------------------------------------------------
# header NAME: the value of header NAME in headers.txt (case-insensitive), or "" (exit 1).
header() {
  local want=${1,,} line name
  while IFS= read -r line || [[ -n "$line" ]]; do
    line=${line%$'\r'}
    [[ "$line" == *:* ]] || continue
    name=${line%%:*}
    if [[ "${name,,}" == "$want" ]]; then
      line=${line#*:}
      printf '%s' "${line# }"
      return 0
    fi
  done <headers.txt
  return 1
}

# The headers every response carries, whatever its status (checked on every fetch).
check_security_headers() {
  local what=$1 csp
  csp=$(header content-security-policy || true)
  [[ "$csp" == *"default-src 'none'"* ]] || die "$what: CSP without default-src 'none': '$csp'"
  [[ "$csp" == *"frame-ancestors 'none'"* ]] || die "$what: CSP without frame-ancestors 'none'"
  [[ "$csp" != *unsafe-* ]] || die "$what: CSP allows unsafe-inline/unsafe-eval: '$csp'"
  [[ "$(header referrer-policy || true)" == no-referrer ]] || die "$what: no Referrer-Policy: no-referrer"
  [[ "$(header x-content-type-options || true)" == nosniff ]] || die "$what: no X-Content-Type-Options: nosniff"
}

# fetch PATH [CURL ARGS...]: headers to headers.txt, body to body, status to $STATUS; the path
# is sent as written (no dot-segment folding). Checks the security headers.
fetch() {
  local path=$1
  shift
  rm -f headers.txt body
  STATUS=$(curl -sS --path-as-is --max-time 10 -D headers.txt -o body -w '%{http_code}' "$@" "$BASE$path") ||
    die "curl $path failed"
  [[ -f body ]] || : >body
  check_security_headers "$path ($STATUS)"
}

# expect_status CODE PATH [CURL ARGS...]
expect_status() {
  local code=$1 path=$2
  shift 2
  fetch "$path" "$@"
  [[ "$STATUS" == "$code" ]] || { _indent body; die "GET $path${*:+ ($*)}: expected $code, got $STATUS"; }
  ok "$code for $path${*:+ ($*)}"
}

# expect_page_lang LANG: the last response is an HTML page in LANG (zh-Hans, zh-Hant, en).
expect_page_lang() {
  local want=$1 ctype lang content
  ctype=$(header content-type || true)
  [[ "$ctype" == text/html* ]] || die "expected an HTML page, got Content-Type '$ctype'"
  content=$(<body)
  [[ "$content" == *"<html lang=\"$want\""* ]] || { _indent body; die "expected <html lang=\"$want\">"; }
  lang=$(header content-language || true)
  [[ "$lang" == "$want" ]] || die "Content-Language: expected $want, got '$lang'"
}

# expect_body_not_contains TEXT [WHAT]
expect_body_not_contains() {
  local content
  content=$(<body)
  [[ "$content" != *"$1"* ]] || die "${2:-the body} should not contain: $1"
}

# title_of FILE: the text of the page's <title>.
title_of() {
  local content
  content=$(<"$1")
  [[ "$content" =~ \<title\>([^<]*)\</title\> ]] && printf '%s' "${BASH_REMATCH[1]}"
}

# py_json FILE EXPR...: evaluates each Python expression with d = the JSON in FILE; prints
# each result on a line.
py_json() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for e in sys.argv[2:]:
    print(eval(e))' "$@"
}

# raw_request BYTES: sends BYTES (a printf format: \r, \n, \0 ...) over a new connection and
# keeps the response in raw.txt; its status in $RAW_STATUS.
raw_request() {
  local first
  exec 3<>"/dev/tcp/127.0.0.1/$PORT"
  # shellcheck disable=SC2059
  printf "$1" >&3 || true
  timeout 10 cat <&3 >raw.txt || true
  exec 3<&- 3>&-
  first=$(head -n 1 raw.txt)
  RAW_STATUS=$(printf '%s' "$first" | cut -d' ' -f2)
}

LANGS=(zh-hans zh-hant en)
declare -A HTML_LANG=([zh-hans]=zh-Hans [zh-hant]=zh-Hant [en]=en)

# === 1. every route answers, in every language =================================================
routes_answer() {
  local l p
  for l in "${LANGS[@]}"; do
    for p in "" persons/ cases/ facilities/ organizations/ sources/ topics/ "persons/$LIU" \
      "cases/$CASE_ID" "facilities/$FACILITY_ID" "organizations/$ORG_ID" "topics/$TOPIC_ID" \
      "sources/$SOURCE_ID" links about search "search?q=%E5%88%98%E6%99%93%E6%B3%A2"; do
      expect_status 200 "/$l/$p"
      expect_page_lang "${HTML_LANG[$l]}"
    done
  done
  for p in persons cases facilities organizations sources topics; do
    expect_status 200 "/api/v1/$p"
    [[ "$(header content-type)" == application/json* ]] || die "/api/v1/$p is not JSON"
  done
  expect_status 200 "/api/v1/persons/$LIU"
  expect_status 200 '/api/v1/search?q=liu'
  expect_status 200 /api/v1/openapi.json
  [[ "$(py_json body '"openapi" in d and d["openapi"].startswith("3.")')" == True ]] ||
    die "/api/v1/openapi.json has no \"openapi\": \"3.x\""
  ok "/api/v1/openapi.json is JSON with an \"openapi\" version"
  fetch /en/
  local css
  [[ "$(<body)" =~ href=\"(/static/site\.css\?v=[0-9a-f]+)\" ]] || die "the page links no versioned site.css"
  css=${BASH_REMATCH[1]}
  expect_status 200 "$css"
  [[ "$(header content-type)" == text/css* ]] || die "$css is not text/css"
  [[ "$(header cache-control)" == *max-age=* ]] || die "$css is not cacheable"
  expect_status 200 /healthz
}
section "every route answers in every language" routes_answer

# === 1b. status codes of what is wrong ==========================================================
error_statuses() {
  local a
  expect_status 404 /no/such/page
  expect_status 404 /en/no-such-page
  expect_page_lang en
  expect_status 404 /zh-hant/persons/p0000000zz1
  expect_page_lang zh-Hant
  expect_status 404 "/en/persons/$CASE_ID"        # a case id under /persons/
  expect_status 404 "/zh-hans/cases/$LIU"         # a person id under /cases/
  expect_status 404 "/en/facilities/$SOURCE_ID"
  expect_status 404 /fr/
  expect_page_lang zh-Hans # no language in the URL: the browser's, here the default
  expect_status 404 /fr/ -H 'Accept-Language: en'
  expect_page_lang en
  expect_status 404 /fr/persons/
  expect_status 404 /api/v1/
  expect_status 404 /static/no-such-file.css
  # A non-public record is not found, exactly as a record that does not exist.
  for a in persons/p0000000c01 persons/p0000000r01 facilities/f0000000c01 topics/t0000000c01 \
    sources/s0000000c01 organizations/o0000000c01; do
    expect_status 404 "/en/$a"
    sed "s#${a#*/}#ID#g" body >hidden.html
    fetch "/en/${a%%/*}/${a:0:1}0000000zz9"
    sed "s#${a:0:1}0000000zz9#ID#g" body >missing.html
    cmp -s hidden.html missing.html || die "the 404 for non-public $a differs from a missing id's"
    ok "the 404 for non-public $a is that of a missing record"
  done

  expect_status 400 '/en/persons/?page=0'
  expect_page_lang en
  expect_status 400 '/zh-hant/persons/?page=abc'
  expect_page_lang zh-Hant
  for a in '?page=-1' '?page=1.5' '?page=100001' '?page=99999999999999999999' '?page=1x' \
    '?status=bogus' '?province=atlantis' '?group=bogus'; do
    expect_status 400 "/zh-hans/persons/$a"
  done
  expect_status 400 '/en/facilities/?type=bogus'
  expect_status 400 '/en/sources/?reliability=Z'
  expect_status 400 '/en/cases/?status=bogus'
  # A filter on a non-public topic is refused as one on a topic that does not exist.
  expect_status 400 '/en/cases/?topic=t0000000c01'
  sed 's#t0000000c01#ID#g' body >a.html
  expect_status 400 '/en/cases/?topic=t0000000zz9'
  sed 's#t0000000zz9#ID#g' body >b.html
  cmp -s a.html b.html || die "a filter on a non-public topic differs from one on a missing topic"
  ok "a filter on a non-public topic is refused like one on a missing topic"
  # What the visitor typed is shown escaped, never as markup.
  expect_status 400 '/en/persons/?status=%3Cscript%3Ealert(1)%3C%2Fscript%3E'
  expect_body_not_contains "<script" "the 400 page"
  ok "the rejected filter value is escaped"

  for a in / /en/ /en/persons/ "/en/persons/$LIU" /api/v1/persons /healthz; do
    expect_status 405 "$a" -X POST --data 'x=1'
    [[ "$(header allow)" == "GET, HEAD" ]] || die "405 for $a without Allow: GET, HEAD"
  done
  expect_page_lang zh-Hans # /healthz: no language in the URL
  expect_status 405 /en/persons/ -X PUT --data 'x=1'
  expect_page_lang en
  expect_status 405 /zh-hant/ -X DELETE
  expect_page_lang zh-Hant
  expect_status 405 /api/v1/persons -X DELETE

  head -c $((1024 * 1024 + 1)) /dev/zero | tr '\0' x >big.txt
  expect_status 413 /en/ -X POST --data-binary @big.txt -H 'Content-Type: text/plain'
  expect_status 413 /en/ -X POST --data-binary @big.txt -H 'Transfer-Encoding: chunked'
  head -c $((1024 * 1024 - 100)) /dev/zero | tr '\0' x >under.txt
  expect_status 405 /en/ -X POST --data-binary @under.txt -H 'Content-Type: text/plain'

  expect_status 301 /en/persons
  [[ "$(header location)" == /en/persons/ ]] || die "301 to '$(header location)', not /en/persons/"
  expect_status 301 '/en/persons?status=detained'
  [[ "$(header location)" == '/en/persons/?status=detained' ]] || die "301 to '$(header location)'"
  expect_status 301 /zh-hant
  [[ "$(header location)" == /zh-hant/ ]] || die "301 to '$(header location)', not /zh-hant/"
  ok "a list without its final slash is moved permanently to it, query kept"
}
section "status codes for wrong input" error_statuses

# === 3. languages ===================================================================================
languages() {
  local al want l title
  for al in "" "zh-TW" "en-US" "en-US,en;q=0.9" "zh-CN,zh;q=0.9" "zh-HK" "fr-FR, en;q=0.5" "de"; do
    case "$al" in
      zh-TW | zh-HK) want=/zh-hant/ ;;
      en-* | fr-*) want=/en/ ;;
      *) want=/zh-hans/ ;;
    esac
    if [[ -z "$al" ]]; then fetch /; else fetch / -H "Accept-Language: $al"; fi
    [[ "$STATUS" == 302 || "$STATUS" == 303 || "$STATUS" == 307 ]] ||
      die "GET / with Accept-Language '$al': status $STATUS, not a redirect"
    [[ "$(header location)" == "$want" ]] ||
      die "GET / with Accept-Language '$al' goes to '$(header location)', not $want"
    [[ "$(header vary)" == *Accept-Language* ]] || die "the redirect from / has no Vary: Accept-Language"
    ok "/ with Accept-Language '${al:-<none>}' redirects to $want"
  done
  for l in "${LANGS[@]}"; do
    expect_status 200 "/$l/"
    expect_page_lang "${HTML_LANG[$l]}"
    expect_status 200 "/$l/persons/$LIU"
    expect_page_lang "${HTML_LANG[$l]}"
    cp body "liu-$l.html"
    # The alternates: every language and x-default, each to this page.
    python3 - "liu-$l.html" "$LIU" <<'PY' || die "alternate links of /$l/persons/$LIU are wrong"
import sys
from html.parser import HTMLParser
alts = {}
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate":
            alts[a.get("hreflang")] = a.get("href")
P().feed(open(sys.argv[1], encoding="utf-8").read())
rid = sys.argv[2]
want = {"zh-Hans": f"/zh-hans/persons/{rid}", "zh-Hant": f"/zh-hant/persons/{rid}",
        "en": f"/en/persons/{rid}", "x-default": f"/zh-hans/persons/{rid}"}
if alts != want:
    print(f"alternates {alts}, expected {want}")
    sys.exit(1)
PY
    ok "/$l/persons/$LIU links its three languages and x-default"
  done
  title=$(title_of liu-zh-hans.html)
  [[ "$title" == *刘晓波* ]] || die "zh-Hans title '$title' lacks 刘晓波"
  ok "the zh-Hans profile is titled 刘晓波"
  title=$(title_of liu-zh-hant.html)
  [[ "$title" == *劉曉波* ]] || die "zh-Hant title '$title' lacks 劉曉波"
  ok "the zh-Hant profile is titled 劉曉波"
  title=$(title_of liu-en.html)
  [[ "$title" == *"Liu Xiaobo"* ]] || die "en title '$title' lacks Liu Xiaobo"
  ok "the English profile is titled Liu Xiaobo"
}
section "languages" languages

# === 4. redaction: crawl everything, find no canary =============================================
cat >crawl.py <<'PY'
"""Crawls the site from its home pages and the read API; checks every response.

usage: crawl.py BASE CANARIES_FILE VISITED_FILE [MAX_URLS]

Follows every same-site <a href>, <link href>, redirect and GET-form choice (each <option>
of each <select>), every API collection page (meta.next) and record, and the three language
pages of every record the API lists. On every response: no canary (case-insensitive) in the
body or a header, the security headers, no 5xx. On every HTML page: no <script>, no inline
style or event handler, nothing loaded from another host, <html lang> and
Content-Language those of the URL, alternates to the three languages and x-default; an
internal link must not be broken. Prints the failures (exit 1) and writes the URLs fetched.
"""
import http.client
import json
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

BASE = sys.argv[1].rstrip("/")
CANARIES = [c.strip().lower() for c in open(sys.argv[2], encoding="utf-8") if c.strip()]
VISITED_FILE = sys.argv[3]
MAX_URLS = int(sys.argv[4]) if len(sys.argv) > 4 else 4000
HOST = urlsplit(BASE).netloc
LANGS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en"}
COLLECTIONS = ["persons", "cases", "facilities", "organizations", "sources", "topics"]

failures = []
stats = {"html": 0, "json": 0, "redirect": 0, "other": 0, "external_links": 0}


def fail(msg):
    if len(failures) < 100:
        failures.append(msg)


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.alternates = {}
        self.hrefs = []    # <a href>: followed when on this site
        self.loads = []    # what a browser loads by itself: (tag, attribute, url)
        self.problems = []
        self.forms = []    # [action, method, {select name: [option values]}]
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "script":
            self.problems.append("a <script> element")
        if tag == "style" or "style" in a:
            self.problems.append(f"inline style on <{tag}> (blocked by the CSP)")
        if tag in ("iframe", "frame", "object", "embed", "base"):
            self.problems.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
        if tag == "a" and a.get("href") is not None:
            self.hrefs.append(a["href"])
        if tag == "link":
            if "alternate" in (a.get("rel") or "").lower().split() and a.get("hreflang"):
                self.alternates[a["hreflang"]] = a.get("href")
            if a.get("href") is not None:
                self.loads.append(("link", "href", a["href"]))
        for name in ("src", "srcset", "poster", "data", "background"):
            if a.get(name) is not None:
                self.loads.append((tag, name, a[name]))
        if tag == "form":
            self.forms.append([a.get("action") or "", (a.get("method") or "get").lower(), {}])
        if tag == "select" and self.forms:
            self._select = a.get("name")
            self.forms[-1][2].setdefault(self._select, [])
        if tag == "option" and self._select and self.forms and a.get("value"):
            self.forms[-1][2][self._select].append(a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def same_site(url):
    """The path and query of a URL on this site, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != HOST):
        return None
    return (parts.path or "/") + ("?" + parts.query if parts.query else "")


conn = None


def get(target):
    global conn
    for attempt in range(2):
        try:
            if conn is None:
                conn = http.client.HTTPConnection(HOST, timeout=10)
            conn.request("GET", target)
            r = conn.getresponse()
            body = r.read()
            headers = {k.lower(): v for k, v in r.getheaders()}
            if headers.get("connection", "").lower() == "close":
                conn.close()
                conn = None
            return r.status, headers, body
        except (http.client.HTTPException, OSError):
            if conn is not None:
                conn.close()
            conn = None
            if attempt:
                raise
    raise AssertionError("unreachable")


def check_headers(target, headers):
    csp = headers.get("content-security-policy", "")
    if "default-src 'none'" not in csp or "frame-ancestors 'none'" not in csp:
        fail(f"{target}: CSP without default-src 'none' or frame-ancestors 'none': {csp!r}")
    if "unsafe-" in csp or re.search(r"script-src[^;]*(\*|data:|http)", csp):
        fail(f"{target}: CSP allows unsafe scripts: {csp!r}")
    if headers.get("referrer-policy") != "no-referrer":
        fail(f"{target}: Referrer-Policy {headers.get('referrer-policy')!r}")
    if headers.get("x-content-type-options") != "nosniff":
        fail(f"{target}: X-Content-Type-Options {headers.get('x-content-type-options')!r}")


def check_canaries(target, headers, text):
    lower = text.lower()
    for c in CANARIES:
        at = lower.find(c)
        if at >= 0:
            fail(f"{target}: LEAK of {c!r}: ...{text[max(0, at - 100):at + 60]!r}...")
        for k, v in headers.items():
            if c in v.lower():
                fail(f"{target}: LEAK of {c!r} in header {k}: {v!r}")


queue, seen, parents = [], set(), {}


def enqueue(target, parent):
    if target is None or target in seen:
        return
    seen.add(target)
    parents[target] = parent
    queue.append(target)


for lang in LANGS:
    enqueue(f"/{lang}/", "(start)")
    # 公开 ("public") is in the names of the test records with hidden parts; liu in many.
    enqueue(f"/{lang}/search?q=%E5%85%AC%E5%BC%80", "(start)")
    enqueue(f"/{lang}/search?q=liu", "(start)")
enqueue("/api/v1/search?q=%E5%85%AC%E5%BC%80&per_page=100", "(start)")
enqueue("/", "(start)")
enqueue("/api/v1/openapi.json", "(start)")
for c in COLLECTIONS:
    enqueue(f"/api/v1/{c}", "(start)")
    enqueue(f"/api/v1/{c}?per_page=200", "(start)")

visited = []
capped = False
while queue:
    if len(visited) >= MAX_URLS:
        capped = True
        break
    target = queue.pop(0)
    visited.append(target)
    try:
        status, headers, body = get(target)
    except Exception as e:  # a transport error is a failure like any other
        fail(f"{target}: request failed: {e}")
        continue
    text = body.decode("utf-8", errors="replace")
    check_headers(target, headers)
    check_canaries(target, headers, text)
    if status in (301, 302, 303, 307, 308):
        stats["redirect"] += 1
        loc = headers.get("location", "")
        if not loc.startswith("/") or loc.startswith("//"):
            fail(f"{target}: redirect off the site: {loc!r}")
        else:
            enqueue(same_site(loc), target)
        continue
    if status != 200:
        fail(f"{target}: status {status} (linked from {parents[target]})")
        continue
    ctype = headers.get("content-type", "")
    path = urlsplit(target).path
    if ctype.startswith("text/html"):
        stats["html"] += 1
        page = Page()
        page.feed(text)
        page.close()
        for p in page.problems:
            fail(f"{target}: {p}")
        for tag, attr, url in page.loads:
            if not url.startswith("/") or url.startswith("//"):
                fail(f"{target}: <{tag} {attr}={url!r}> is not on this site")
            else:
                enqueue(same_site(url), target)
        seg = path.split("/")[1] if path.count("/") >= 2 else ""
        if seg in LANGS:
            want = LANGS[seg]
            if page.html_lang != want:
                fail(f"{target}: <html lang={page.html_lang!r}>, expected {want!r}")
            if headers.get("content-language") != want:
                fail(f"{target}: Content-Language {headers.get('content-language')!r}, expected {want!r}")
            rest = target[len(seg) + 1:]
            expected = {LANGS[l]: f"/{l}{rest}" for l in LANGS}
            expected["x-default"] = f"/zh-hans{rest}"
            if page.alternates != expected:
                fail(f"{target}: alternates {page.alternates}, expected {expected}")
        else:
            fail(f"{target}: an HTML page outside /zh-hans/, /zh-hant/ and /en/")
        for href in page.hrefs:
            absolute = urljoin(BASE + target, href)
            scheme = urlsplit(absolute).scheme
            if scheme not in ("http", "https", "mailto"):
                fail(f"{target}: a link with scheme {scheme!r}: {href!r}")
                continue
            nxt = same_site(absolute)
            if nxt is None:
                stats["external_links"] += 1
            else:
                enqueue(nxt, target)
        for action, method, selects in page.forms:
            base = same_site(urljoin(BASE + target, action))
            if method != "get" or base is None:
                fail(f"{target}: a form that is not a GET on this site: {method} {action!r}")
                continue
            for name, values in selects.items():
                for v in values:
                    enqueue(base + "?" + urlencode({name: v}), target)
    elif ctype.startswith("application/json"):
        stats["json"] += 1
        try:
            doc = json.loads(text)
        except ValueError as e:
            fail(f"{target}: invalid JSON: {e}")
            continue
        if path == "/api/v1/search":
            for item in doc.get("data", []):
                enqueue(same_site(item.get("href") or ""), target)
        elif path.startswith("/api/v1/") and isinstance(doc, dict) and "data" in doc:
            coll = path.split("/")[3]
            items = doc["data"] if isinstance(doc["data"], list) else [doc["data"]]
            for item in items:
                rid = item.get("id", "")
                if item.get("visibility") != "public" or "confidential" in item:
                    fail(f"{target}: {rid} is not public, or lists its confidential fields")
                enqueue(f"/api/v1/{coll}/{rid}", target)
                for lang in LANGS:
                    enqueue(f"/{lang}/{coll}/{rid}", target)
            enqueue(doc.get("meta", {}).get("next"), target)
    else:
        stats["other"] += 1

with open(VISITED_FILE, "w", encoding="utf-8") as out:
    out.writelines(v + "\n" for v in visited)
print(f"crawled {len(visited)} URLs: {stats['html']} HTML, {stats['json']} JSON, "
      f"{stats['redirect']} redirects, {stats['other']} other; {stats['external_links']} links "
      f"to other sites not followed" + ("; STOPPED at the cap" if capped else ""))
for f in failures:
    print("FAIL " + f)
sys.exit(1 if failures else 0)
PY

crawl() {
  local rc=0 u
  python3 crawl.py "$BASE" canaries.txt visited.txt 4000 >crawl.out 2>&1 || rc=$?
  if ((rc != 0)); then
    _indent crawl.out
    die "the crawl found problems (crawl.out above)"
  fi
  ok "$(head -n 1 crawl.out); no canary, every page well-formed"
  # The crawl reached the public records that carry hidden fields and links, so finding
  # nothing means something.
  for u in /zh-hans/persons/p0000000h01 /zh-hant/persons/p0000000h01 /en/persons/p0000000k01 \
    /en/cases/c0000000p01 /zh-hant/cases/c0000000p01 /en/organizations/o0000000p01 /en/links \
    "/en/facilities/$FACILITY_ID" /api/v1/persons/p0000000h01 /api/v1/cases/c0000000p01 \
    '/en/persons/?province=qinghai' "/zh-hant/sources/sny69j72z8r" /en/cases/c0000000p02; do
    grep -qxF -- "$u" visited.txt || die "the crawl did not reach $u"
  done
  ok "the crawl reached every page of a record with hidden parts"
}
section "crawl: no canary anywhere, every page well-formed" crawl

redaction() {
  local l
  # The public parts are shown.
  expect_status 200 /zh-hans/persons/p0000000h01
  expect_contains body 公开人乙
  expect_contains body 公开摘要乙
  expect_status 200 /en/cases/c0000000p01
  expect_contains body "Public case D"
  expect_contains body "/en/persons/p0000000k01" # the case's public member is linked
  # A hidden field's value does not select the record in a list.
  expect_status 200 '/zh-hans/persons/?province=ningxia'
  expect_body_not_contains 公开人乙 "persons filtered by the hidden province"
  expect_body_not_contains p0000000h01 "persons filtered by the hidden province"
  expect_status 200 '/en/persons/?group=petitioner'
  expect_body_not_contains p0000000h01 "persons filtered by the hidden group"
  expect_status 200 /en/persons/
  expect_body_not_contains 'value="ningxia"' "the province choices"
  expect_body_not_contains 'value="petitioner"' "the group choices"
  ok "hidden province and group are neither choices nor filters"
  # The same filter on a visible value does find the public person (the check above means
  # something), and not the confidential one with the same province.
  expect_status 200 '/en/persons/?province=qinghai'
  expect_contains body p0000000k01
  # Hidden references do not show the record on the page of what they point at.
  for l in "${LANGS[@]}"; do
    expect_status 200 "/$l/persons/$LIU"
    expect_body_not_contains p0000000k01 "/$l/persons/$LIU (a confidential link points here)"
    expect_body_not_contains HIDDENREF "/$l/persons/$LIU (hidden case member, hidden event person)"
    expect_status 200 "/$l/sources/sny69j72z8r"
    expect_body_not_contains p0000000h01 "/$l/sources/sny69j72z8r (a hidden citation)"
    expect_status 200 "/$l/facilities/f32cp4y0hs1"
    expect_body_not_contains HIDDENREF "/$l/facilities/f32cp4y0hs1 (an event's hidden facility)"
    expect_status 200 "/$l/topics/trd21pta56c"
    expect_body_not_contains c0000000p02 "/$l/topics/trd21pta56c (a case's hidden topic)"
  done
  ok "hidden links, citations and members do not list their record on the target's page"
  expect_status 200 /en/cases/c0000000p02
  expect_contains body "HIDDENREF event" # the event is shown where its reference is public
}
section "redaction: hidden fields, links and references" redaction

# === 4b. search ===================================================================================
search_works() {
  local q l
  local -a v
  for l in "${LANGS[@]}"; do
    for q in %E5%88%98%E6%99%93%E6%B3%A2 %E5%8A%89%E6%9B%89%E6%B3%A2 liuxiaobo '%22Li%C3%BA+Xi%C7%8Eob%C5%8D%22'; do
      expect_status 200 "/$l/search?q=$q"
      expect_page_lang "${HTML_LANG[$l]}"
      expect_contains body "href=\"/$l/persons/$LIU\""
    done
  done
  expect_status 200 '/zh-hant/search?q=%E5%88%98%E6%99%93%E6%B3%A2'
  expect_contains body '<mark>劉曉波</mark>'
  ok "刘晓波, 劉曉波, liuxiaobo and \"Liú Xiǎobō\" find him in every language; zh-Hant marks 劉曉波"
  # Words that are only in hidden records, fields or links select nothing (links are not
  # indexed at all: search_document.cpp).
  for q in CANARY-CONFIDENTIAL-NAME CANARY-RESTRICTED-NAME CANARY-HEALTH %E9%87%91%E4%B8%9D%E9%9B%80 \
    CANARY-LINK-NOTE-FACILITY CANARY-LINK-NOTE-PERSON CANARY-ALIAS CANARY-HIDDEN-EN CANARY-CASE-SUMMARY CANARY-PLACE CANARY-CONF-LINK-NOTE \
    CANARY-ORG-SUMMARY CANARY-CONF-EVENT CANARY-CONF-TOPIC CANARY-CONF-SOURCE zzq; do
    expect_status 200 "/en/search?q=$q"
    expect_body_not_contains 'class="hits"' "the search for $q"
    expect_status 200 "/api/v1/search?q=$q"
    expect_eq "$(py_json body 'd["meta"]["total"]')" 0 "results of /api/v1/search?q=$q"
  done
  ok "no hidden record, field or link is found"
  # A malformed query: 400 with the form and what is wrong, never a 500.
  for q in %22unclosed -only foo%3Abar year%3Aabc "$(head -c 2000 /dev/zero | tr '\0' a)"; do
    expect_status 400 "/zh-hans/search?q=$q"
    expect_contains body 'name="q"'
    expect_contains body 'class="problem"'
    expect_status 400 "/api/v1/search?q=$q"
    [[ -n "$(py_json body 'd["error"]["message"]')" ]] || die "/api/v1/search?q=$q: no message"
  done
  expect_status 200 '/api/v1/search?q=%E5%88%98%E6%99%93%E6%B3%A2&lang=zh-hant&per_page=1'
  mapfile -t v < <(py_json body 'd["data"][0]["id"]' 'd["data"][0]["title"]' 'd["data"][0]["href"]' \
    'd["meta"]["total"]' 'd["meta"]["next"]' 'sorted(d["data"][0])')
  expect_eq "${v[0]}" "$LIU" "the first result of the API"
  expect_eq "${v[1]}" 劉曉波 "its zh-Hant title"
  expect_eq "${v[2]}" "/zh-hant/persons/$LIU" "its href"
  expect_eq "${v[3]}" 4 "meta.total (the person, the case, two occasions naming him)"
  expect_eq "${v[4]}" "/api/v1/search?lang=zh-hant&per_page=1&q=%E5%88%98%E6%99%93%E6%B3%A2&page=2" "meta.next"
  expect_eq "${v[5]}" "['href', 'id', 'kind', 'snippet', 'title', 'titles']" "the fields of a result"
  # A search is cached under its own URL, and a write shows at once (section 6b).
}
section "search: every spelling, nothing hidden, malformed queries, the API" search_works

# === 5. path traversal and bad input ==============================================================
hostile_input() {
  local p
  for p in /static/../../etc/passwd /static/..%2f..%2fetc%2fpasswd '/%2e%2e/%2e%2e/etc/passwd' \
    '/en/persons/..%2f..%2fetc%2fpasswd' '/static/%2e%2e/%2e%2e/etc/passwd' '/static/..%5c..%5cetc%5cpasswd' \
    '/static/....//....//etc/passwd' '//etc/passwd' '/static//etc/passwd' '/static/%2fetc%2fpasswd' \
    '/static/site.css%00.txt' '/en/persons/%00' '/en/%00/' '/en/persons/p44sj9v9201%00' \
    '/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd' '/en/persons/%ff%fe' '/en/persons/?page=%00' \
    '/en/persons/?status=%ff' '/api/v1/persons/..%2f..%2f..%2fetc%2fpasswd' '/en/persons/%' \
    '/en/persons/%zz' '/api/v1/%2e%2e/persons'; do
    fetch "$p"
    case "$STATUS" in
      400 | 404 | 414 | 431) ;;
      *) die "GET $p: status $STATUS (expected 400, 404, 414 or 431)" ;;
    esac
    expect_body_not_contains "root:" "the answer to $p"
    ok "$STATUS for $p"
  done
  # A raw NUL in the request line or a header, an absolute-form target, a bad version.
  raw_request 'GET /en/\0/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
  [[ "$RAW_STATUS" == 400 ]] || die "a NUL in the path: status '$RAW_STATUS'"
  ok "400 for a NUL byte in the request line"
  raw_request 'GET /en/ HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\nConnection: close\r\n\r\n'
  [[ "$RAW_STATUS" == 400 ]] || die "a NUL in a header: status '$RAW_STATUS'"
  ok "400 for a NUL byte in a header"
  raw_request 'GET http://example.com/etc/passwd HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n'
  [[ "$RAW_STATUS" == 400 || "$RAW_STATUS" == 404 ]] || die "an absolute-form target: status '$RAW_STATUS'"
  ok "$RAW_STATUS for an absolute-form target"
  raw_request 'GET ../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
  [[ "$RAW_STATUS" == 400 ]] || die "a relative target: status '$RAW_STATUS'"
  ok "400 for a target that does not start with /"
  # Overlong: a URL or a header past the 8 KiB header limit; a long id under it.
  local long
  long=$(head -c 10000 /dev/zero | tr '\0' a)
  expect_status 431 "/en/persons/$long"
  expect_status 431 "/en/persons/?status=$long"
  expect_status 431 /en/ -H "X-Long: $long"
  long=$(head -c 6000 /dev/zero | tr '\0' a)
  expect_status 404 "/en/persons/p$long"
  expect_status 400 "/en/persons/?page=$long"
  expect_status 200 "/healthz" # and the server still answers
}
section "path traversal and bad input" hostile_input

# === 6. caching ===================================================================================
caching() {
  local page=/zh-hans/persons/$LIU etag gz_etag tag
  expect_status 200 "$page"
  cp body identity.html
  etag=$(header etag || true)
  [[ "$etag" =~ ^\"[^\"]+\"$ ]] || die "$page: no strong ETag ('$etag')"
  [[ "$(header cache-control)" == *no-cache* ]] || die "$page: pages must be revalidated (Cache-Control: no-cache)"
  ok "$page has ETag $etag"
  for tag in "$etag" "W/$etag" "\"nope\", $etag" "*"; do
    fetch "$page" -H "If-None-Match: $tag"
    [[ "$STATUS" == 304 ]] || die "If-None-Match: $tag gave $STATUS, not 304"
    [[ ! -s body ]] || die "a 304 with a body"
    [[ "$(header etag)" == "$etag" ]] || die "the 304 has ETag '$(header etag)', not $etag"
    ok "304 with no body for If-None-Match: $tag"
  done
  expect_status 200 "$page" -H 'If-None-Match: "something-else"'
  cmp -s body identity.html || die "the page differs between two GETs"
  ok "a different ETag gets the page again"

  expect_status 200 "$page" -H 'Accept-Encoding: gzip'
  [[ "$(header content-encoding)" == gzip ]] || die "$page with Accept-Encoding: gzip is not gzipped"
  [[ "$(header vary)" == *Accept-Encoding* ]] || die "$page: no Vary: Accept-Encoding"
  gzip -dc <body >gunzipped.html || die "$page: the gzip body does not decompress"
  cmp -s gunzipped.html identity.html || die "$page: the gzip body is not the page"
  ok "$page gzipped ($(wc -c <body) of $(wc -c <identity.html) bytes) decompresses to the page"
  gz_etag=$(header etag)
  fetch "$page" -H 'Accept-Encoding: gzip' -H "If-None-Match: $gz_etag"
  [[ "$STATUS" == 304 ]] || die "the gzip response's ETag does not revalidate ($STATUS)"
  ok "the gzip response's ETag revalidates"
  expect_status 200 /api/v1/persons -H 'Accept-Encoding: gzip'
  gzip -dc <body >api.json || die "the API's gzip does not decompress"
  py_json api.json 'd["meta"]["total"]' >/dev/null || die "the gzipped API answer is not JSON"
  ok "the API is gzipped too"
  expect_status 200 "$page" -H 'Accept-Encoding: gzip;q=0'
  [[ -z "$(header content-encoding || true)" ]] || die "gzip;q=0 still got gzip"
  ok "gzip;q=0 gets the identity body"

  # HEAD: the headers of GET, no body.
  fetch "$page" --head
  [[ "$STATUS" == 200 && "$(header content-length)" == "$(wc -c <identity.html)" ]] ||
    die "HEAD $page: status $STATUS, Content-Length $(header content-length)"
  [[ "$(header etag)" == "$etag" ]] || die "HEAD has another ETag"
  ok "HEAD $page has GET's length and ETag"
}
section "caching: ETag, 304, gzip, HEAD" caching

# === 7. the read API ==============================================================================
api() {
  local total ids_api ids_db page next n p errors=()
  local -a v
  total=$(sql "$DB" "SELECT count(*) FROM records WHERE kind = 'person' AND visibility = 'public'")
  expect_status 200 '/api/v1/persons?per_page=2'
  mapfile -t v < <(py_json body 'len(d["data"])' 'd["meta"]["total"]' 'd["meta"].get("next")' \
    '"prev" in d["meta"]')
  expect_eq "${v[0]}" 2 "records with per_page=2"
  expect_eq "${v[1]}" "$total" "meta.total (public persons)"
  expect_eq "${v[2]}" "/api/v1/persons?per_page=2&page=2" "meta.next"
  expect_eq "${v[3]}" False "meta.prev on page 1"
  # Following next gives every public person once, ordered by slug.
  ids_api=""
  next='/api/v1/persons?per_page=2'
  for ((n = 0; n < 1000 && ${#next} > 0; n++)); do
    fetch "$next"
    [[ "$STATUS" == 200 ]] || die "GET $next: $STATUS"
    mapfile -t v < <(py_json body '" ".join(r["id"] for r in d["data"])' 'd["meta"].get("next") or ""')
    ids_api+="${v[0]} "
    next=${v[1]}
  done
  ids_db=$(sql "$DB" "SELECT id FROM records WHERE kind = 'person' AND visibility = 'public' ORDER BY slug")
  ids_db=${ids_db//$'\n'/ }
  [[ "$ids_api" == "$ids_db " ]] ||
    die "paging per_page=2 does not give the public persons by slug" "api: $ids_api" "db:  $ids_db"
  ok "paging with per_page=2 walks all $total public persons in slug order ($n pages)"
  page=$(((total + 1) / 2 + 1))
  expect_status 200 "/api/v1/persons?per_page=2&page=$page"
  mapfile -t v < <(py_json body 'len(d["data"])' '"next" in d["meta"]' 'd["meta"]["total"]')
  expect_eq "${v[0]}" 0 "records on page $page, past the end"
  expect_eq "${v[1]}" False "meta.next past the end"
  expect_eq "${v[2]}" "$total" "meta.total past the end"

  # A record: its public view only.
  expect_status 200 /api/v1/persons/p0000000h01
  mapfile -t v < <(py_json body 'd["data"]["body"]["name"]' \
    '[k for k in ("health", "province", "groups", "aliases") if k in d["data"]["body"]]' \
    '[k for k in ("confidential", "sources") if k in d["data"]]')
  expect_eq "${v[0]}" "{'zh': '公开人乙'}" "public name of p0000000h01"
  expect_eq "${v[1]}" "[]" "hidden body fields of p0000000h01 shown"
  expect_eq "${v[2]}" "[]" "hidden citations or the confidential list of p0000000h01 shown"
  expect_status 200 /api/v1/persons/p0000000k01
  expect_eq "$(py_json body 'd["data"].get("links", [])')" "[]" \
    "links of p0000000k01 (all to non-public records, or confidential)"
  expect_status 200 /api/v1/cases/c0000000p01
  mapfile -t v < <(py_json body 'd["data"]["body"]["persons"]' \
    '[k for k in ("topics", "facilities", "lawyers", "summary") if k in d["data"]["body"]]')
  expect_eq "${v[0]}" "['p0000000k01']" "public persons of the case"
  expect_eq "${v[1]}" "[]" "hidden or non-public parts of the case shown"

  # Errors are JSON: {"error": {"status": ..., "message": ...}}.
  for p in /api/v1/persons/p0000000c01 /api/v1/persons/p0000000r01 /api/v1/persons/p0000000zz1 \
    "/api/v1/cases/$LIU" /api/v1/bogus /api/v1/bogus/x /api/v1/facilities/f0000000c01 \
    '/api/v1/persons?per_page=0' '/api/v1/persons?per_page=201' '/api/v1/persons?per_page=abc' \
    '/api/v1/persons?per_page=-1' '/api/v1/persons?per_page=2x' '/api/v1/persons?page=0' \
    '/api/v1/persons?page=x'; do
    fetch "$p"
    [[ "$(header content-type)" == application/json* ]] || die "$p: the error is not JSON"
    cp body "error-$STATUS-${#errors[@]}.json"
    errors+=("$STATUS $p")
  done
  python3 - "${errors[@]}" <<'PY' || die "API errors are not the documented JSON"
import json, sys
for i, arg in enumerate(sys.argv[1:]):
    status, path = arg.split(" ", 1)
    want = 400 if "?" in path else 404
    d = json.load(open(f"error-{status}-{i}.json", encoding="utf-8"))
    if int(status) != want or d["error"]["status"] != want or not d["error"]["message"]:
        sys.exit(f"{path}: status {status}, body {d}")
PY
  ok "all ${#errors[@]} API errors are JSON with their status: 404 for missing, non-public and wrong-kind ids, 400 for bad paging"
}
section "the read API" api

# === 8. weight and what a page loads =============================================================
weight() {
  local page=/zh-hans/persons/$LIU html_gz css css_gz lower
  expect_status 200 "$page" -H 'Accept-Encoding: gzip'
  html_gz=$(wc -c <body)
  gzip -dc <body >page.html
  lower=$(<page.html)
  lower=${lower,,}
  [[ "$lower" != *"<script"* ]] || die "$page has a <script>"
  [[ "$(<page.html)" =~ href=\"(/static/site\.css\?v=[0-9a-f]+)\" ]] || die "$page links no site.css"
  css=${BASH_REMATCH[1]}
  expect_status 200 "$css" -H 'Accept-Encoding: gzip'
  [[ "$(header content-encoding)" == gzip ]] || die "$css is not gzipped"
  css_gz=$(wc -c <body)
  ((html_gz + css_gz <= 30 * 1024)) ||
    die "the profile of 刘晓波 and site.css weigh $html_gz + $css_gz bytes gzipped, over 30 KB"
  ok "the profile of 刘晓波 ($html_gz bytes) and site.css ($css_gz bytes) gzipped: $((html_gz + css_gz)) ≤ 30720"
  # (The crawl checks every page: no <script>, and <link>, <img>, <script> only from this site.)
}
section "page weight" weight

# === 6b. a write from another process while the site runs =========================================
write_while_serving() {
  local page=/en/persons/p0000000k01 etag old
  expect_status 200 "$page"
  expect_status 200 "$page" # now from the cache
  cp body before.html
  etag=$(header etag)
  expect_contains before.html "Public Person C"
  expect_status 200 /api/v1/persons/p0000000k01
  cp body before.json
  grep -F '"id":"p0000000k01"' canaries.jsonl |
    sed 's/"Public Person C"/"Public Person C, renamed"/; s/"公开人丙"/"公开人丙改"/' >changed.jsonl
  old=$(sql "$DB" "SELECT revision FROM records WHERE id = 'p0000000k01'")
  expect_ok jz "$DB" import --format jsonl changed.jsonl
  expect_eq "$(sql "$DB" "SELECT revision FROM records WHERE id = 'p0000000k01'")" "$((old + 1))" "revision after the import"
  expect_status 200 "$page"
  expect_contains body "Public Person C, renamed"
  fetch "$page" -H "If-None-Match: $etag"
  [[ "$STATUS" == 200 ]] || die "the old ETag still revalidates after the change ($STATUS)"
  ok "the old ETag no longer matches"
  expect_status 200 /zh-hans/persons/p0000000k01
  expect_contains body "公开人丙改"
  expect_status 200 /api/v1/persons/p0000000k01
  expect_contains body "Public Person C, renamed"
  expect_status 200 '/en/persons/?province=qinghai'
  expect_contains body "Public Person C, renamed"
  expect_status 200 '/en/search?q=renamed'
  expect_contains body "/en/persons/p0000000k01"
}
section "a write by another process shows at once" write_while_serving

# === 9. SIGTERM: a clean stop with exit 0; the access log ========================================
curl -sS --max-time 5 -o /dev/null "$BASE/en/?q=QUERYSECRET" || die "the server stopped answering"
stop_server

requests=0
while IFS= read -r line; do
  [[ "$line" != *127.0.0.1* || "$line" == "serving on http://127.0.0.1:$PORT/"* ]] ||
    die "the access log names the client address: $line"
  [[ "$line" != *QUERYSECRET* && "$line" != *"?"* ]] || die "the access log holds a query: $line"
  [[ "$line" != *"error_page threw"* && "$line" != *"exception"* ]] || die "serve reported: $line"
  [[ "$line" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\  ]] && requests=$((requests + 1))
done <serve.err
((requests > 500)) || die "only $requests access log lines"
ok "$requests access log lines: no client address, no query, no handler exception"
expect_contains serve.err "GET /en/ 200"
