#!/usr/bin/env bash
# `jianzheng user`: accounts are created with an Argon2id hash (never the password), roles
# and states change, every change is logged with who made it, and a bad request changes
# nothing.
source "$(dirname "$0")/lib.sh"

DB=$WORK/team.db
expect_ok jz "$DB" init
PASSWORD='correct horse battery staple'
export USER=admin.cli

expect_ok jz "$DB" user add wang.li --role editor <<<"$PASSWORD"
expect_contains "$OUT" "added wang.li (editor)"
expect_ok jz "$DB" user add zhao.min <<<"another long passphrase"
expect_contains "$OUT" "added zhao.min (contributor)"
HASH=$(sql "$DB" "SELECT password_hash FROM users WHERE name = 'wang.li'")
expect_eq "${HASH:0:10}" '$argon2id$' "start of the stored hash"
expect_ne "$(sql "$DB" "SELECT password_hash FROM users WHERE name = 'zhao.min'")" "$HASH" "another account's hash"
# The password is nowhere in the file.
expect_ok sqlite3 "$DB" .dump
expect_not_contains "$OUT" "$PASSWORD"

expect_ok jz "$DB" user list
expect_contains "$OUT" "wang.li"
expect_contains "$OUT" "editor"
expect_contains "$OUT" "2 account(s)"

expect_ok jz "$DB" user role zhao.min researcher
expect_contains "$OUT" "zhao.min is now researcher"
expect_ok jz "$DB" user disable zhao.min
expect_eq "$(sql "$DB" "SELECT disabled FROM users WHERE name = 'zhao.min'")" "1" "disabled"
expect_ok jz "$DB" user enable zhao.min
expect_eq "$(sql "$DB" "SELECT disabled FROM users WHERE name = 'zhao.min'")" "0" "enabled again"
expect_ok jz "$DB" user passwd wang.li <<<"a brand new passphrase"
expect_ne "$(sql "$DB" "SELECT password_hash FROM users WHERE name = 'wang.li'")" "$HASH" "hash after passwd"

expect_ok jz "$DB" user totp wang.li
expect_contains "$OUT" "secret: "
SECRET=$(sql "$DB" "SELECT totp_secret FROM users WHERE name = 'wang.li'")
expect_eq "${#SECRET}" "32" "length of the authenticator secret"
expect_contains "$OUT" "link:   otpauth://totp/Jianzheng:wang.li?secret=$SECRET&issuer=Jianzheng"
expect_ok jz "$DB" user list
expect_contains "$OUT" "+code"
expect_ok jz "$DB" user totp zhao.min --remove
expect_contains "$OUT" "zhao.min logs in with a password only"

expect_ok jz "$DB" user log
expect_contains "$OUT" "admin.cli: wang.li authenticator set"
expect_contains "$OUT" "admin.cli: wang.li password changed"
expect_contains "$OUT" "admin.cli: zhao.min enabled"
expect_contains "$OUT" "admin.cli: zhao.min disabled"
expect_contains "$OUT" "admin.cli: zhao.min role set to researcher"
expect_contains "$OUT" "admin.cli: wang.li added as editor"
expect_eq "$(head -n 1 "$OUT")" "$(sql "$DB" "SELECT at FROM account_events ORDER BY seq DESC LIMIT 1")  admin.cli: zhao.min authenticator removed" "newest first"

# Bad requests: a clear message, exit 1, nothing written.
BEFORE=$(db_fingerprint "$DB")
expect_fail jz "$DB" user add li.qiang <<<"short"
expect_contains "$ERR" "fewer than 12 characters"
expect_fail jz "$DB" user add li.qiang --role boss <<<"$PASSWORD"
expect_contains "$ERR" 'unknown role "boss": use admin, editor, researcher or contributor'
expect_fail jz "$DB" user add "li qiang" <<<"$PASSWORD"
expect_contains "$ERR" "contains ' '"
expect_fail jz "$DB" user add wang.li <<<"$PASSWORD"
expect_contains "$ERR" "an account named wang.li exists already"
expect_fail jz "$DB" user add li.qiang </dev/null
expect_contains "$ERR" "no password on standard input"
expect_fail jz "$DB" user add li.qiang <<<"li.qiang"
expect_contains "$ERR" "fewer than 12 characters"
expect_fail jz "$DB" user passwd nobody <<<"$PASSWORD"
expect_contains "$ERR" "no account named nobody"
expect_fail jz "$DB" user role nobody editor
expect_contains "$ERR" "no account named nobody"
expect_fail jz "$DB" user disable nobody
expect_contains "$ERR" "no account named nobody"
expect_fail jz "$DB" user totp nobody
expect_contains "$ERR" "no account named nobody"
expect_fail jz "$DB" user role wang.li root
expect_contains "$ERR" 'unknown role "root"'
expect_unchanged "$DB" "$BEFORE"
