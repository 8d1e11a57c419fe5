#!/usr/bin/env bash
# The legal clock end to end: `jianzheng clock` on the demo's Liu Xiaobo case (text and
# JSON), its errors, and the case page and violations list served over HTTP.
source "$(dirname "$0")/lib.sh"

DB=clock.db
expect_ok jz "$DB" init
expect_ok jz "$DB" demo

section "jianzheng clock: Liu Xiaobo, residential surveillance past the 1996 limit"
expect_ok jz "$DB" clock cnvch8d2sae
expect_contains "$OUT" "[violated] Residential surveillance: at most 6 months"
expect_contains "$OUT" "Criminal Procedure Law (1996 text), art. 58"
expect_contains "$OUT" "from 2008-12-08 residential_surveillance"
expect_contains "$OUT" "to 2009-06-23 arrest_approved"
expect_contains "$OUT" "last day 2009-06-08 (6 months); 15 days over"
expect_ok jz "$DB" clock cnvch8d2sae --format json --today 2026-11-23
expect_eq "$(jq -r '.clocks[] | select(.clock == "residential_surveillance_limit") | [.state, .version, .article, .amount.from, .amount.unit, .last_day.from] | join(" ")' "$OUT")" \
  "violated 1996 58 15 days 2009-06-08"
expect_eq "$(jq -r '.today' "$OUT")" "2026-11-23"

section "a running clock counts to --today"
cat >running.jsonl <<'JSONL'
{"id":"c00000000r1","kind":"case","body":{"title":{"en":"Detained"}}}
{"id":"e00000000r1","kind":"event","body":{"type":"criminal_detention","date":"2026-11-20","case":"c00000000r1"}}
JSONL
expect_ok jz "$DB" import --format jsonl running.jsonl
expect_ok jz "$DB" clock c00000000r1 --today 2026-11-21
expect_contains "$OUT" "[running] 3 days from criminal detention to the request for arrest approval"
expect_contains "$OUT" "last day 2026-11-23 (3 days); 2 days left"
expect_ok jz "$DB" clock c00000000r1 --today 2026-11-24 --format json
expect_eq "$(jq -r '.clocks[] | select(.clock == "detention_to_arrest_request") | .state + " " + .reason' "$OUT")" \
  "unknown needs_extension"

section "bad input: a clear error and a non-zero exit"
expect_fail jz "$DB" clock p44sj9v9201
expect_contains "$ERR" "p44sj9v9201 is a person, not a case: give a case id (c...)"
expect_fail jz "$DB" clock c0000000000
expect_fail jz "$DB" clock cnvch8d2sae --today 2026-11
expect_contains "$ERR" "--today \"2026-11\": give a day as YYYY-MM-DD"
cat >reversed.jsonl <<'JSONL'
{"id":"c00000000x1","kind":"case","body":{"title":{"en":"Reversed"}}}
{"id":"e00000000x1","kind":"event","body":{"type":"verdict","date":"2019-05-01","case":"c00000000x1"}}
{"id":"e00000000x2","kind":"event","body":{"type":"trial","date":"2019-06-01","case":"c00000000x1"}}
JSONL
expect_ok jz "$DB" import --format jsonl reversed.jsonl
expect_fail jz "$DB" clock c00000000x1
expect_contains "$ERR" "case c00000000x1: event e00000000x1 (verdict, 2019-05-01) is dated before e00000000x2 (trial, 2019-06-01), but verdict always follows trial: check the two dates"

section "the site: the case's clock and the list of violations"
start_server "$DB"
fetch /en/cases/cnvch8d2sae
expect_eq "$STATUS" 200
expect_contains body.html "<b>15 days over the limit</b>"
expect_contains body.html "Criminal Procedure Law (1996 text), art. 58"
fetch /zh-hant/cases/cnvch8d2sae
expect_contains body.html "監視居住最長不得超過六個月"
fetch /en/violations
expect_eq "$STATUS" 200
expect_contains body.html 'href="/en/cases/cnvch8d2sae#legal-clock"'
fetch /en/cases/c00000000x1
expect_eq "$STATUS" 200
expect_contains body.html "The legal clock cannot be computed for this case"
stop_server
