#!/usr/bin/env bash
# The team's login on the real server: an account made with `jianzheng user add` logs in
# through the form, reaches its workspace, and logs out; a forged or wrong login sets no
# session; nothing of it (password, token) reaches the log.
source "$(dirname "$0")/lib.sh"

command -v curl >/dev/null || die "curl is needed (scripts/debian-packages.txt lists it)"

DB=$WORK/j.db
PASSWORD='correct horse battery staple'
expect_ok jz "$DB" demo
expect_ok jz "$DB" user add wang.li --role researcher <<<"$PASSWORD"
start_server "$DB"

fetch /en/workspace/
expect_eq "$STATUS" "303" "the workspace without a session"
expect_contains headers.txt "/en/login?next=%2Fen%2Fworkspace%2F"

fetch /en/login
expect_eq "$STATUS" "200" "the login form"
expect_contains headers.txt "; HttpOnly; Secure; SameSite=Strict"
FORM_TOKEN=$(cookie jz_login)
expect_eq "${#FORM_TOKEN}" "64" "length of the form's token"

# Posted from elsewhere: the form's field without this site's cookie.
fetch /en/login --data-urlencode "csrf=$FORM_TOKEN" --data-urlencode "name=wang.li" --data-urlencode "password=$PASSWORD"
expect_eq "$STATUS" "403" "a login without the form's cookie"
expect_eq "$(cookie jz_session)" "" "session cookie after a forged login"

fetch /en/login -H "Cookie: jz_login=$FORM_TOKEN" --data-urlencode "csrf=$FORM_TOKEN" --data-urlencode "name=wang.li" --data-urlencode "password=wrong password here"
expect_eq "$STATUS" "200" "a wrong password"
expect_contains body.html "Wrong name or password."
expect_eq "$(cookie jz_session)" "" "session cookie after a wrong password"

fetch /en/login -H "Cookie: jz_login=$FORM_TOKEN" --data-urlencode "csrf=$FORM_TOKEN" --data-urlencode "name=wang.li" --data-urlencode "password=$PASSWORD"
expect_eq "$STATUS" "303" "a good login"
expect_contains headers.txt "Location: /en/workspace/"
SESSION=$(cookie jz_session)
expect_eq "${#SESSION}" "64" "length of the session token"
expect_eq "$(sql "$DB" "SELECT count(*) FROM sessions WHERE token_hash = '$SESSION'")" "0" "the token itself stored"
expect_eq "$(sql "$DB" "SELECT count(*) FROM sessions WHERE user = 'wang.li'")" "1" "sessions of wang.li"

fetch /zh-hans/workspace/ -H "Cookie: jz_session=$SESSION"
expect_eq "$STATUS" "200" "the workspace with the session"
expect_contains body.html "已登录：wang.li（研究员）。"
expect_contains headers.txt "Cache-Control: no-store"
body=$(<body.html)
CSRF=${body#*name=\"csrf\" value=\"}
CSRF=${CSRF:0:64}

fetch /en/logout -H "Cookie: jz_session=$SESSION" --data-urlencode "csrf=nope"
expect_eq "$STATUS" "403" "a logout without the session's token"
fetch /en/logout -H "Cookie: jz_session=$SESSION" --data-urlencode "csrf=$CSRF"
expect_eq "$STATUS" "303" "logout"
expect_eq "$(sql "$DB" "SELECT count(*) FROM sessions")" "0" "sessions after logout"
fetch /en/workspace/ -H "Cookie: jz_session=$SESSION"
expect_eq "$STATUS" "303" "the workspace after logout"

stop_server
expect_not_contains serve.err "$PASSWORD"
expect_not_contains serve.err "$SESSION"
expect_not_contains serve.err "$FORM_TOKEN"
