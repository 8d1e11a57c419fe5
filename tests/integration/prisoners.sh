#!/usr/bin/env bash
# Priorities and prisoner lists end to end: `jianzheng list-prisoners` for the demo's May 2010
# U.S.-China Human Rights Dialogue as CSV, JSON and PDF (its first page drawn to PNG with
# pdftoppm), configurable weights, bad input, and the pages and downloads over HTTP.
source "$(dirname "$0")/lib.sh"

DB=prisoners.db
DIALOGUE=ek453aqr4jn
expect_ok jz "$DB" init
expect_ok jz "$DB" demo

section "list-prisoners: the four CHRD asked to raise, in both languages"
expect_ok jz "$DB" list-prisoners --for "$DIALOGUE" --format csv
expect_eq "$(line_count "$OUT")" 5
expect_contains "$OUT" 'p44sj9v9201,刘晓波,Liu Xiaobo,liu xiao bo,服刑中,Serving a sentence,煽动颠覆国家政权罪（第105条）,Inciting subversion of state power (art. 105)'
for who in "Hu Jia" "Chen Guangcheng" "Guo Quan"; do expect_contains "$OUT" "$who"; done
expect_ok jz "$DB" list-prisoners --for "$DIALOGUE" --format json
expect_eq "$(jq -r '.prisoners | length' "$OUT")" 4
expect_eq "$(jq -r '.prisoners[0].name.zh + " " + (.prisoners[0].priority.score | tostring)' "$OUT")" "刘晓波 33.75"
expect_eq "$(jq -r '[.prisoners[0].priority.parts[].criterion] | join(",")' "$OUT")" "without_trial,long_sentence"

section "the PDF: A4 landscape, Chinese text embedded, first page drawn"
expect_ok jz "$DB" list-prisoners --for "$DIALOGUE" --format pdf --out list.pdf
expect_contains "$ERR" "4 prisoners written to list.pdf"
expect_ok pdftoppm -png -r 30 -f 1 -l 1 list.pdf page
[[ -s page-1.png ]] || die "pdftoppm drew no page-1.png"
read -r width height < <(python3 -c 'import struct,sys; d=open("page-1.png","rb").read(24); print(*struct.unpack(">II", d[16:24]))')
((width > height)) || die "the first page is not landscape: ${width}x${height}"
ok "first page drawn: ${width}x${height}"
expect_ok pdftotext list.pdf list.txt
expect_contains list.txt "刘晓波"
expect_contains list.txt "liu xiao bo"
expect_contains list.txt "中美人权对话（2010年5月）"
expect_ok jz "$DB" list-prisoners --for "$DIALOGUE" --format pdf --out again.pdf
expect_eq "$(cmp list.pdf again.pdf && echo same)" same

section "weights are configurable"
echo '{"long_sentence": 50}' >weights.json
expect_ok jz "$DB" list-prisoners --for "$DIALOGUE" --format json --weights weights.json
expect_eq "$(jq -r '.prisoners[0].priority.score' "$OUT")" 47.5
echo '{"long_sentense": 50}' >typo.json
expect_fail jz "$DB" list-prisoners --for "$DIALOGUE" --weights typo.json
expect_contains "$ERR" 'typo.json: "long_sentense" is not a weight'
expect_fail jz "$DB" serve --port 0 --priority-weights typo.json
expect_contains "$ERR" "is not a weight"

section "bad input: no list, no file"
expect_fail jz "$DB" list-prisoners --for p44sj9v9201 --format pdf --out none.pdf
expect_contains "$ERR" "p44sj9v9201 is not a public opportunity"
[[ ! -e none.pdf && ! -e none.pdf.tmp ]] || die "a failed list left a file"
ok "nothing written"

section "the site: priorities, the calendar, the list and its downloads"
start_server "$DB"
fetch /en/priorities
expect_eq "$STATUS" 200
expect_contains body.html "Sentence of 11 years: 13.8 of 25.0"
expect_contains body.html 'href="/en/priorities.csv"'
fetch /en/priorities.csv
expect_eq "$STATUS" 200
expect_contains headers.txt "text/csv"
expect_contains body.html "p44sj9v9201,刘晓波"
fetch /en/opportunities/
expect_contains body.html "U.S.-China Human Rights Dialogue, May 2010"
expect_contains body.html "Hu Jintao&apos;s visit to Washington, January 2011"
fetch "/zh-hans/opportunities/$DIALOGUE"
expect_eq "$STATUS" 200
expect_contains body.html '<span lang="zh">刘晓波</span><br><span lang="en">Liu Xiaobo</span>'
fetch "/en/opportunities/$DIALOGUE/prisoners.csv"
expect_eq "$STATUS" 200
expect_contains headers.txt "text/csv"
expect_contains body.html "p44sj9v9201,刘晓波"
fetch "/en/opportunities/$DIALOGUE/prisoners.pdf"
expect_contains headers.txt "application/pdf"
expect_eq "$(head -c 5 body.html)" "%PDF-"
fetch "/en/opportunities/p44sj9v9201"
expect_eq "$STATUS" 404
stop_server
