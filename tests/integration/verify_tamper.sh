#!/usr/bin/env bash
# `verify` finds every way of changing the history behind jianzheng's back: each tampering
# below, done with sqlite3 on a copy of a good database, makes it exit non-zero with a
# PROBLEM line naming the revision or record.
source "$(dirname "$0")/lib.sh"

GOOD=$WORK/good.db
expect_ok jz "$GOOD" demo
cat >people.jsonl <<'EOF'
{"id":"p0000000t01","kind":"person","body":{"name":{"en":"Tamper One"}}}
{"id":"p0000000t02","kind":"person","visibility":"confidential","body":{"name":{"en":"Tamper Secret"}}}
{"id":"c0000000t03","kind":"case","body":{"title":{"en":"Tamper case"},"persons":["p0000000t01","p0000000t02"]}}
EOF
expect_ok jz "$GOOD" import --format jsonl --author alice people.jsonl
printf '%s\n' '{"id":"p0000000t01","kind":"person","body":{"name":{"en":"Tamper One"},"gender":"female"}}' >update.jsonl
expect_ok jz "$GOOD" import --format jsonl --author bob update.jsonl
cat >map.json <<'EOF'
{"kind":"person","key":["Name"],"columns":{"Name":"/body/name/zh","Born":"/body/born"}}
EOF
printf '%s\n' 'Name,Born' '篡改甲,1970' '篡改乙,1980-02' >people.csv
expect_ok jz "$GOOD" import --format csv --mapping map.json people.csv
# The last revision creates a record of its own (used by the deletion cases below).
printf '%s\n' '{"id":"p0000000t04","kind":"person","body":{"name":{"en":"Tamper Last"}}}' >last.jsonl
expect_ok jz "$GOOD" import --format jsonl last.jsonl

expect_ok jz "$GOOD" verify
expect_contains "$OUT" "history intact"
REVISIONS=$(sql "$GOOD" "SELECT count(*) FROM revisions")
RECORDS=$(sql "$GOOD" "SELECT count(*) FROM records")
expect_contains "$OUT" "checked $REVISIONS revisions of $RECORDS records; chain head "
HEAD=$(sql "$GOOD" "SELECT hash FROM chain_head")
expect_eq "${#HEAD}" "64" "length of the chain head hash"
expect_contains "$OUT" "chain head $HEAD"
LAST=$(sql "$GOOD" "SELECT max(seq) FROM revisions")
expect_eq "$LAST" "$REVISIONS" "last seq"
expect_eq "$(sql "$GOOD" "SELECT record_id FROM revisions WHERE seq = $LAST")" "p0000000t04" "record of the last revision"
expect_ok jz "$GOOD" verify --expect-head "$HEAD"
expect_contains "$OUT" "history intact"
GOOD_FINGERPRINT=$(db_fingerprint "$GOOD")

# record_of SEQ: the record id of revision SEQ.
record_of() { sql "$GOOD" "SELECT record_id FROM revisions WHERE seq = $1"; }

# tampered NAME SQL [VERIFY ARGS...]: applies SQL to a fresh copy, runs verify on it and
# expects it to fail; its stdout is then in $OUT for the PROBLEM lines.
tampered() {
  local sql_text=$1
  shift
  cp "$GOOD" "$WORK/t.db"
  sqlite3 "$WORK/t.db" "$sql_text" || die "sqlite3 could not apply: $sql_text"
  local changed
  changed=$(db_fingerprint "$WORK/t.db")
  [[ "$changed" != "$GOOD_FINGERPRINT" ]] || die "the tampering changed nothing: $sql_text"
  expect_fail jz "$WORK/t.db" verify "$@"
  expect_contains "$OUT" "PROBLEM: "
  expect_contains "$OUT" "the history is not intact"
}

snapshot_changed() {
  # One character: the 31st of the snapshot (inside the record's slug) becomes the next one.
  tampered "UPDATE revisions SET snapshot = substr(snapshot, 1, 30)
              || char(unicode(substr(snapshot, 31, 1)) + 1) || substr(snapshot, 32) WHERE seq = 5"
  expect_contains "$OUT" "PROBLEM: revision #5 (record $(record_of 5), revision 1) was altered"
}
section "one character of a revision's snapshot" snapshot_changed

author_changed() {
  local seq
  seq=$(sql "$GOOD" "SELECT seq FROM revisions WHERE record_id = 'p0000000t01' AND revision = 2")
  tampered "UPDATE revisions SET author = 'mallory' WHERE seq = $seq"
  expect_contains "$OUT" "PROBLEM: revision #$seq (record p0000000t01, revision 2) was altered"
}
section "a revision's author" author_changed

reason_and_time_changed() {
  tampered "UPDATE revisions SET at = '2001-01-01T00:00:00Z' WHERE seq = 7"
  expect_contains "$OUT" "PROBLEM: revision #7 (record $(record_of 7), revision 1) was altered"
  tampered "UPDATE revisions SET reason = 'routine cleanup' WHERE seq = 8"
  expect_contains "$OUT" "PROBLEM: revision #8 (record $(record_of 8), revision 1) was altered"
}
section "a revision's time or reason" reason_and_time_changed

revisions_swapped() {
  # Everything but seq swapped between #3 and #4: the order of the history is changed.
  tampered "CREATE TEMP TABLE s AS SELECT * FROM revisions WHERE seq IN (3, 4);
            UPDATE revisions SET record_id = 'moving-' || seq WHERE seq IN (3, 4);
            UPDATE revisions SET (record_id, revision, author, at, reason, snapshot, prev_hash, hash) =
              (SELECT record_id, revision, author, at, reason, snapshot, prev_hash, hash FROM s
               WHERE s.seq = 7 - revisions.seq)
            WHERE seq IN (3, 4);"
  expect_contains "$OUT" "PROBLEM: revision #3 (record $(record_of 4), revision 1)"
  expect_contains "$OUT" "PROBLEM: revision #4 (record $(record_of 3), revision 1)"
}
section "two revisions swapped" revisions_swapped

middle_deleted() {
  tampered "DELETE FROM revisions WHERE seq = 10"
  expect_contains "$OUT" "PROBLEM: revision #10 is missing: deleted from the history"
  expect_contains "$OUT" "PROBLEM: record $(record_of 10): its revision 1 is missing from the history"
}
section "a middle revision deleted" middle_deleted

last_deleted() {
  tampered "DELETE FROM revisions WHERE seq = $LAST"
  expect_contains "$OUT" "PROBLEM: the history should end at revision #$LAST but ends at #$((LAST - 1))"
  expect_contains "$OUT" "PROBLEM: record p0000000t04: its revision 1 is missing from the history"
}
section "the last revision deleted" last_deleted

last_deleted_head_moved() {
  local previous
  previous=$(sql "$GOOD" "SELECT hash FROM revisions WHERE seq = $((LAST - 1))")
  # The record keeps its row: it has no revision any more.
  tampered "DELETE FROM revisions WHERE seq = $LAST;
            UPDATE chain_head SET seq = $((LAST - 1)), hash = '$previous'"
  expect_contains "$OUT" "PROBLEM: record p0000000t04: its revision 1 is missing from the history"
  # The record removed as well: a consistent shorter history, found only against the head
  # recorded earlier.
  local sql_text="DELETE FROM revisions WHERE seq = $LAST; DELETE FROM refs WHERE from_id = 'p0000000t04';
                  DELETE FROM facets WHERE record_id = 'p0000000t04';
                  DELETE FROM search_docs WHERE id = 'p0000000t04';
                  DELETE FROM records WHERE id = 'p0000000t04';
                  UPDATE chain_head SET seq = $((LAST - 1)), hash = '$previous'"
  cp "$GOOD" "$WORK/t.db"
  sqlite3 "$WORK/t.db" "$sql_text"
  expect_ok jz "$WORK/t.db" verify
  expect_contains "$OUT" "chain head $previous"
  tampered "$sql_text" --expect-head "$HEAD"
  expect_contains "$OUT" "PROBLEM: the chain head is $previous, not $HEAD"
}
section "the last revision deleted and the head moved back" last_deleted_head_moved

revision_appended() {
  tampered "INSERT INTO revisions SELECT seq + 1, record_id, revision + 1, author, at, reason, snapshot,
              hash, hash, reviewer FROM revisions WHERE seq = $LAST"
  expect_contains "$OUT" "PROBLEM: revision #$((LAST + 1)) (record p0000000t04, revision 2) was altered"
}
section "a forged revision appended" revision_appended

head_changed() {
  tampered "UPDATE chain_head SET hash = '$(sql "$GOOD" "SELECT hash FROM revisions WHERE seq = 1")'"
  expect_contains "$OUT" "PROBLEM: the history should end at revision #$LAST"
  tampered "DELETE FROM chain_head"
  expect_contains "$OUT" "PROBLEM: the record of the chain's last revision is missing"
}
section "the chain head changed or removed" head_changed

body_changed() {
  tampered "UPDATE records SET body = replace(body, 'Tamper One', 'Tamper 1') WHERE id = 'p0000000t01'"
  expect_contains "$OUT" "PROBLEM: record p0000000t01: its current content differs from its last revision"
}
section "a record's body changed in the records table" body_changed

revision_number_changed() {
  tampered "UPDATE records SET revision = revision + 1 WHERE id = 'p0000000t01'"
  expect_contains "$OUT" "PROBLEM: record p0000000t01: its revision 3 is missing from the history"
  tampered "UPDATE records SET revision = 1 WHERE id = 'p0000000t01'"
  expect_contains "$OUT" "PROBLEM: record p0000000t01: the history has revisions after the record's revision 1"
}
section "a record's revision number changed" revision_number_changed

record_deleted() {
  tampered "DELETE FROM refs WHERE from_id = 'p0000000t04'; DELETE FROM records WHERE id = 'p0000000t04'"
  expect_contains "$OUT" "PROBLEM: record p0000000t04 was deleted; only its history remains"
}
section "a record deleted" record_deleted

# The good database was never touched.
expect_unchanged "$GOOD" "$GOOD_FINGERPRINT"
expect_ok jz "$GOOD" verify --expect-head "$HEAD"

# ---- cases that fail while the bug each shows is there ---------------------------------------

# The records table keeps each record's visibility in a column of its own, beside the body;
# the public export's reference filter, the site's counts and `list` trust that column.
# Turning a confidential record "public" there (after which `export --public` lists its id in
# the public case that refers to it) must not pass verify.
visibility_column_changed() {
  tampered "UPDATE records SET visibility = 'public' WHERE id = 'p0000000t02'"
  expect_contains "$OUT" "PROBLEM: record p0000000t02"
}
section "a record's visibility column changed" visibility_column_changed
