#!/usr/bin/env bash
# Watching for changes: `jianzheng watch --since DAY` lists every change since that day from
# the revision chain, newest first (--public: only public records, without who and why), and
# the Atom feeds of a case and of every violation, served over HTTP, are well-formed XML.
#
# Needs jq (the JSON output), curl and xmllint (Debian libxml2-utils).
source "$(dirname "$0")/lib.sh"

for tool in jq curl xmllint; do
  command -v "$tool" >/dev/null || die "$tool is needed by this test (xmllint: apt-get install libxml2-utils)"
done

DB=watch.db
expect_ok jz "$DB" init
expect_ok jz "$DB" demo
TODAY=$(date -u +%F)
TOMORROW=$(date -u -d tomorrow +%F)

# A change to a demo record (its second revision), a new public case and a restricted person.
expect_ok jz "$DB" show p44sj9v9201
jq -c '.body.summary.en = "WATCHED " + .body.summary.en' "$OUT" >change.jsonl
cat >>change.jsonl <<'JSONL'
{"id":"c00000000w1","kind":"case","body":{"title":{"zh":"观察案","en":"Watched case"}}}
{"id":"p00000000w1","kind":"person","visibility":"restricted","body":{"name":{"en":"CANARY-WATCH-RESTRICTED"},"status":"detained"}}
JSONL
expect_ok jz "$DB" import --format jsonl change.jsonl

check_today() {
  expect_ok jz "$DB" watch --since "$TODAY"
  expect_contains "$OUT" "CANARY-WATCH-RESTRICTED"
  expect_contains "$OUT" $'\tc00000000w1\tcase\tr1\t'
  expect_contains "$OUT" $'\tp44sj9v9201\tperson\tr2\t'
  expect_contains "$OUT" "刘晓波 / Liu Xiaobo"
  expect_contains "$ERR" "changes since $TODAY (UTC)"
  # Newest first: the import's three records come before the demo's.
  local first=() line n=0
  while IFS= read -r line && ((n < 3)); do
    first+=("${line#*$'\t'}")
    n=$((n + 1))
  done <"$OUT"
  local ids=" ${first[0]%%$'\t'*} ${first[1]%%$'\t'*} ${first[2]%%$'\t'*} "
  for id in p44sj9v9201 c00000000w1 p00000000w1; do
    [[ "$ids" == *" $id "* ]] || die "the import's $id is not among the first three:$ids"
  done
  ok "the three imported records come first"
  # Seven fields: time, id, kind, revision, author, reason, name.
  local fields
  IFS=$'\t' read -r -a fields <"$OUT"
  expect_eq "${#fields[@]}" 7 "fields of a line"
  [[ "${fields[0]}" == "$TODAY"T*Z ]] || die "time ${fields[0]} is not today's"
  ok "the time is today's, in UTC"

  expect_ok jz "$DB" watch --since "$TODAY" --format json
  expect_eq "$(jq -r '.since' "$OUT")" "$TODAY"
  expect_eq "$(jq -r '[.changes[] | select(.id == "p44sj9v9201")][0] | "\(.kind) \(.revision) \(.label.en)"' "$OUT")" \
    "person 2 Liu Xiaobo"
  expect_eq "$(jq -r '[.changes[] | select(.id == "p44sj9v9201")] | length' "$OUT")" 2
  expect_eq "$(jq -r '.changes[0] | has("author") and has("reason")' "$OUT")" true
  expect_eq "$(jq -r '[.changes[].at] | . == (sort | reverse)' "$OUT")" true "newest first"
}
section "--since today lists the changes, newest first, with who and why" check_today

check_public() {
  expect_ok jz "$DB" watch --since "$TODAY" --public
  expect_not_contains "$OUT" "CANARY-WATCH-RESTRICTED"
  expect_not_contains "$OUT" "p00000000w1"
  expect_contains "$OUT" $'\tp44sj9v9201\tperson\tr2\t刘晓波 / Liu Xiaobo'
  local fields
  IFS=$'\t' read -r -a fields <"$OUT"
  expect_eq "${#fields[@]}" 5 "fields of a public line"
  expect_ok jz "$DB" watch --since "$TODAY" --public --format json
  expect_eq "$(jq -r '[.changes[] | select(.id == "p00000000w1")] | length' "$OUT")" 0
  expect_eq "$(jq -r '[.changes[] | has("author") or has("reason")] | any' "$OUT")" false
  expect_eq "$(jq -r '.public' "$OUT")" true
}
section "--public leaves out the restricted record, and who and why" check_public

check_tomorrow() {
  expect_ok jz "$DB" watch --since "$TOMORROW"
  expect_eq "$(<"$OUT")" "" "output"
  expect_contains "$ERR" "0 changes since $TOMORROW"
  expect_ok jz "$DB" watch --since "$TOMORROW" --format json
  expect_eq "$(jq -r '.changes | length' "$OUT")" 0
}
section "--since tomorrow lists nothing" check_tomorrow

check_bad() {
  local bad rc
  for bad in 2026-13-01 2026-02-30 2026-11 yesterday 26-11-23 "2026-11-23~"; do
    rc=0
    jz "$DB" watch --since "$bad" >"$OUT" 2>"$ERR" || rc=$?
    expect_eq "$rc" 1 "exit status for --since $bad"
    expect_contains "$ERR" "--since \"$bad\": give a day as YYYY-MM-DD"
  done
  rc=0
  jz "$DB" watch >"$OUT" 2>"$ERR" || rc=$?
  expect_eq "$rc" 2 "exit status without --since"
}
section "a bad --since: a clear error and exit 1" check_bad

check_feeds() {
  start_server "$DB"
  local path
  for path in /en/cases/cnvch8d2sae/feed.atom /zh-hans/cases/cnvch8d2sae/feed.atom \
    /zh-hant/cases/cnvch8d2sae/feed.atom /en/violations.atom /zh-hans/violations.atom \
    /en/cases/c00000000w1/feed.atom; do
    fetch "$path"
    expect_eq "$STATUS" 200 "status of $path"
    expect_contains headers.txt "Content-Type: application/atom+xml; charset=utf-8"
    expect_ok xmllint --noout body.html
    expect_contains body.html '<feed xmlns="http://www.w3.org/2005/Atom"'
    expect_not_contains body.html "CANARY"
    expect_not_contains body.html "<script"
    expect_not_contains body.html 'href="http'
  done
  fetch /en/cases/cnvch8d2sae/feed.atom
  expect_contains body.html "<id>tag:jianzheng,2026:en:cnvch8d2sae</id>"
  expect_contains body.html "<link rel=\"alternate\" type=\"text/html\" href=\"/en/cases/cnvch8d2sae#legal-clock\"/>"
  cp body.html case.atom
  local etag line
  while IFS= read -r line; do
    line=${line%$'\r'}
    [[ "$line" != [Ee][Tt]ag:\ * ]] || etag=${line#*: }
  done <headers.txt
  [[ -n "${etag:-}" ]] || die "no ETag on the feed"
  fetch /en/cases/cnvch8d2sae/feed.atom -H "If-None-Match: $etag"
  expect_eq "$STATUS" 304 "a revisit with the ETag"
  fetch /en/cases/cnvch8d2sae/feed.atom -H "Accept-Encoding: gzip"
  expect_contains headers.txt "Content-Encoding: gzip"
  gzip -dc body.html >unzipped.atom
  expect_eq "$(sha256sum <unzipped.atom)" "$(sha256sum <case.atom)" "the gzipped feed, unzipped"
  fetch /en/violations.atom
  expect_contains body.html "<id>tag:jianzheng,2026:en:cnvch8d2sae/"
  fetch /en/cases/p00000000w1/feed.atom
  expect_eq "$STATUS" 404 "a restricted record's feed"
  fetch /en/cases/cnvch8d2sae
  expect_contains body.html '<link rel="alternate" type="application/atom+xml" href="/en/cases/cnvch8d2sae/feed.atom"'
  fetch /en/violations
  expect_contains body.html '<link rel="alternate" type="application/atom+xml" href="/en/violations.atom"'
  stop_server
}
section "the Atom feeds over HTTP: well-formed, cached, gzipped, linked" check_feeds
