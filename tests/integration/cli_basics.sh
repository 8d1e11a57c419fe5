#!/usr/bin/env bash
# The command line itself: help, init, a missing database, show and list.
source "$(dirname "$0")/lib.sh"

# --- help: every subcommand explains itself and its options ---------------------------
expect_ok "$JZ" --help
for sub in init demo serve show list verify import export; do
  expect_contains "$OUT" "$sub"
done
expect_contains "$OUT" "--db"

declare -A OPTIONS=(
  [init]="--help"
  [demo]="--file"
  [serve]="--port --bind"
  [show]="ID --history"
  [list]="KIND --limit --offset"
  [verify]="--expect-head"
  [import]="FILE --format --mapping --as-of --strict --author"
  [export]="--format --out --public"
)
for sub in init demo serve show list verify import export; do
  expect_ok "$JZ" "$sub" --help
  for option in ${OPTIONS[$sub]}; do
    expect_contains "$OUT" "$option"
  done
done

expect_ok "$JZ" --version
expect_contains "$OUT" "jianzheng"

# No subcommand, or an unknown one: a usage error, not a crash.
expect_fail "$JZ"
expect_fail "$JZ" frobnicate

# --- init --------------------------------------------------------------------------------
# Without --db, the database goes to var/jianzheng.db, and var/ is made.
expect_ok "$JZ" init
[[ -d var && -f var/jianzheng.db ]] || die "init did not create var/jianzheng.db"
ok "init creates var/jianzheng.db"
expect_contains "$OUT" "var/jianzheng.db"

# Nested folders are made too; a second init is harmless.
expect_ok jz deep/er/still/j.db init
[[ -f deep/er/still/j.db ]] || die "init did not create deep/er/still/j.db"
ok "init creates nested folders"
before=$(db_fingerprint deep/er/still/j.db)
expect_ok jz deep/er/still/j.db init
expect_unchanged deep/er/still/j.db "$before"
expect_ok jz deep/er/still/j.db verify
expect_contains "$OUT" "checked 0 revisions of 0 records"

# --- a database that is not there: every command says how to create it, and creates nothing
for command in "list person" "show p0000000000" "verify" "export" \
  "import --format jsonl $WORK/none.jsonl" "serve --port 0"; do
  # shellcheck disable=SC2086  # split the command on purpose
  expect_fail jz missing/j.db $command
  expect_contains "$ERR" "no database here"
  expect_contains "$ERR" "jianzheng --db missing/j.db init"
  [[ ! -e missing ]] || die "\"$command\" on a missing database created missing/"
  ok "\"$command\" on a missing database created nothing"
done

# A file that is not a Jianzheng database.
printf 'hello\n' >notes.txt
expect_fail jz notes.txt list person
expect_contains "$ERR" "notes.txt"
expect_contains "$ERR" "not a Jianzheng database"
sqlite3 other.db "CREATE TABLE x (a)"
expect_fail jz other.db list person
expect_contains "$ERR" "not a Jianzheng database"
expect_contains "$ERR" "init"

# --- demo, list, show --------------------------------------------------------------------
DB=$WORK/j.db
expect_ok jz "$DB" demo
expect_contains "$OUT" "records created"
persons=$(sql "$DB" "SELECT count(*) FROM records WHERE kind = 'person'")
((persons > 0)) || die "demo created no person"
ok "demo created $persons persons"

expect_ok jz "$DB" list person --limit 1000
expect_eq "$(line_count "$OUT")" "$persons" "lines of list person"
# Each line is "id  slug  visibility  name"; check the first against the database.
read -r first_id first_slug first_visibility _ <"$OUT"
expect_eq "$(sql "$DB" "SELECT slug || ' ' || visibility FROM records WHERE id = '$first_id'")" \
  "$first_slug $first_visibility" "slug and visibility of the first listed person"
expect_eq "$(sql "$DB" "SELECT id FROM records WHERE kind = 'person' ORDER BY slug LIMIT 1")" \
  "$first_id" "first person in slug order"
liu=$(sql "$DB" "SELECT id FROM records WHERE kind = 'person' AND slug = 'liu-xiaobo'")
expect_ne "$liu" "" "id of the demo person liu-xiaobo"
expect_contains "$OUT" "$liu  liu-xiaobo  public  刘晓波"

expect_ok jz "$DB" list person --limit 2 --offset 1
expect_eq "$(line_count "$OUT")" "2" "lines of list person --limit 2"
expect_fail jz "$DB" list persons
expect_fail jz "$DB" list person --limit 0

expect_ok jz "$DB" show "$liu"
expect_contains "$OUT" "\"id\": \"$liu\""
expect_contains "$OUT" "\"kind\": \"person\""
expect_contains "$OUT" "刘晓波"

# An unknown id fails clearly, on stderr, with nothing on stdout.
expect_fail jz "$DB" show p0000000000
expect_contains "$ERR" "no record with id \"p0000000000\""
expect_eq "$(wc -c <"$OUT")" "0" "bytes on stdout for an unknown id"
expect_fail jz "$DB" show p0000000000 --history
expect_contains "$ERR" "no record with id \"p0000000000\""

# --- show --history: one line per revision, oldest first ---------------------------------
printf '%s\n' '{"id":"p0000000042","kind":"person","body":{"name":{"en":"History Test"}}}' >v1.jsonl
printf '%s\n' '{"id":"p0000000042","kind":"person","body":{"name":{"en":"History Test"},"gender":"female"}}' >v2.jsonl
expect_ok jz "$DB" import --format jsonl --author alice v1.jsonl
expect_ok jz "$DB" import --format jsonl --author bob v2.jsonl
expect_ok jz "$DB" show p0000000042 --history
expect_eq "$(line_count "$OUT")" "2" "revisions of p0000000042"
{
  read -r word1 number1 _ author1 _
  read -r word2 number2 _ author2 _
} <"$OUT"
expect_eq "$word1 $number1 $author1" "revision 1 alice" "first history line"
expect_eq "$word2 $number2 $author2" "revision 2 bob" "second history line"
expect_contains "$OUT" "import from v1.jsonl"
expect_contains "$OUT" "import from v2.jsonl"
# The short hash shown is the start of the stored one.
hash2=$(sql "$DB" "SELECT substr(hash, 1, 16) FROM revisions WHERE record_id = 'p0000000042' AND revision = 2")
expect_contains "$OUT" "$hash2"
expect_ok jz "$DB" show p0000000042
expect_contains "$OUT" "\"revision\": 2"
expect_contains "$OUT" "\"gender\": \"female\""

expect_ok jz "$DB" verify
expect_contains "$OUT" "history intact"
