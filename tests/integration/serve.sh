#!/usr/bin/env bash
# The public site: served on a free port, with its security headers, never showing what is
# not public, logging no client address, and stopping cleanly on SIGTERM.
source "$(dirname "$0")/lib.sh"

command -v curl >/dev/null || die "curl is needed (scripts/debian-packages.txt lists it)"

DB=$WORK/j.db
expect_ok jz "$DB" demo
# Canaries: strings that must never reach the site. The slugs sort first, so these persons
# would be among the first listed on the home page if they leaked.
cat >private.jsonl <<'EOF'
{"id":"p0000000c01","kind":"person","slug":"aaa-confidential","visibility":"confidential","body":{"name":{"zh":"机密人甲","en":"CANARY-CONFIDENTIAL-NAME"}}}
{"id":"p0000000r01","kind":"person","slug":"aab-restricted","visibility":"restricted","body":{"name":{"en":"CANARY-RESTRICTED-NAME"}}}
{"id":"p0000000h01","kind":"person","slug":"aac-public-with-secrets","confidential":["/body/health","/body/name/en"],"body":{"name":{"zh":"公开人乙","en":"CANARY-HIDDEN-EN"},"health":{"en":"CANARY-HEALTH"},"status":"detained"}}
EOF
expect_ok jz "$DB" import --format jsonl private.jsonl
PUBLIC_PERSONS=$(sql "$DB" "SELECT count(*) FROM records WHERE kind = 'person' AND visibility = 'public'")

# --- start on a free port ------------------------------------------------------------------
# --port 0 lets the system choose; the line "serving on http://127.0.0.1:PORT/" says which.
start_server "$DB"

security_headers() {
  expect_contains headers.txt "Content-Security-Policy: default-src 'none'"
  expect_contains headers.txt "frame-ancestors 'none'"
  expect_contains headers.txt "Referrer-Policy: no-referrer"
  expect_contains headers.txt "X-Content-Type-Options: nosniff"
  expect_contains headers.txt "X-Frame-Options: DENY"
}

# --- / sends the browser to its language; the home page is /zh-hans/ ----------------------------
fetch /
expect_eq "$STATUS" "302" "status of GET /"
expect_contains headers.txt "Location: /zh-hans/"
expect_contains headers.txt "Vary: Accept-Language"
security_headers
fetch / -H 'Accept-Language: en-US,en;q=0.9'
expect_eq "$STATUS" "302" "status of GET / in English"
expect_contains headers.txt "Location: /en/"

fetch /zh-hans/
expect_eq "$STATUS" "200" "status of GET /zh-hans/"
expect_contains headers.txt "Content-Type: text/html; charset=utf-8"
expect_contains headers.txt "Content-Language: zh-Hans"
security_headers
expect_contains body.html "见证"
expect_contains body.html "<html lang=\"zh-Hans\">"
# Public people are shown, with only their public fields (the newest change is listed).
expect_contains body.html "公开人乙"
# The counts are of public records only.
expect_contains body.html "<strong>$PUBLIC_PERSONS</strong>"
for canary in CANARY-CONFIDENTIAL-NAME 机密人甲 CANARY-RESTRICTED-NAME CANARY-HIDDEN-EN CANARY-HEALTH \
  aaa-confidential aab-restricted p0000000c01 p0000000r01; do
  expect_not_contains body.html "$canary"
done
cp body.html home.html

# --- a profile: the public fields, nothing hidden -----------------------------------------------
fetch /zh-hans/persons/p0000000h01
expect_eq "$STATUS" "200" "status of the profile of 公开人乙"
expect_contains body.html "公开人乙"
expect_not_contains body.html "CANARY"
fetch /en/persons/p0000000c01
expect_eq "$STATUS" "404" "status of the profile of a confidential person"
expect_contains body.html "<html lang=\"en\">"
expect_not_contains body.html "CANARY"

# --- other paths: the same headers everywhere ----------------------------------------------
fetch /healthz
expect_eq "$STATUS" "200" "status of GET /healthz"
expect_contains body.html "ok"
security_headers
css=$(<home.html)
[[ "$css" =~ href=\"(/static/site\.css\?v=[0-9a-f]+)\" ]] || die "the home page links no versioned site.css"
fetch "${BASH_REMATCH[1]}"
expect_eq "$STATUS" "200" "status of GET ${BASH_REMATCH[1]}"
expect_contains headers.txt "text/css"
fetch /no/such/page
expect_eq "$STATUS" "404" "status of GET /no/such/page"
security_headers
fetch / -X POST --data 'x=1'
expect_eq "$STATUS" "405" "status of POST /"
expect_contains headers.txt "Allow: GET, HEAD"
fetch /zh-hans/ --head
expect_eq "$STATUS" "200" "status of HEAD /zh-hans/"
# (with --head, curl writes the headers where the body would go: no page may follow them)
expect_not_contains body.html "<!doctype html>"
expect_contains headers.txt "Content-Length: $(wc -c <home.html)"
fetch '/%2e%2e/etc/passwd' --path-as-is
expect_eq "$STATUS" "400" "status of GET /%2e%2e/etc/passwd"
# A query string is never logged (it may hold what a visitor searched for).
fetch '/zh-hans/?q=CANARY-QUERY'
expect_eq "$STATUS" "200" "status of GET /zh-hans/?q=..."

# A second server on the same port is refused, and says why.
expect_fail timeout 10 "$JZ" --db "$DB" serve --port "$PORT"
expect_contains "$ERR" "cannot serve on 127.0.0.1:$PORT"

# --- SIGTERM: a clean stop with exit 0 -------------------------------------------------------
stop_server

# --- the access log: one line per request, no client address, no query --------------------
requests=0
first=1
while IFS= read -r line; do
  if ((first)); then
    first=0
    [[ "$line" == "serving on http://127.0.0.1:$PORT/"* ]] || die "first line of stderr: $line"
    continue
  fi
  [[ "$line" != *127.0.0.1* ]] || die "the access log names the client address: $line"
  [[ "$line" != *CANARY* ]] || die "the access log holds a query: $line"
  [[ "$line" == *" GET "* || "$line" == *" POST "* || "$line" == *" HEAD "* ]] && requests=$((requests + 1))
done <serve.err
ok "no access log line names 127.0.0.1 or a query"
expect_eq "$requests" "12" "access log lines"
expect_contains serve.err "GET / 302"
expect_contains serve.err "GET /zh-hans/ 200"
expect_contains serve.err "GET /no/such/page 404"
expect_contains serve.err "POST / 405"
