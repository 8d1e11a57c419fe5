#!/usr/bin/env bash
# Export → import into an empty database → export gives the same bytes; the public export
# holds nothing that is not public; importing the same data again changes nothing.
source "$(dirname "$0")/lib.sh"

CPPC=$(realdata cppc-political-prisoners/chinese-political-prisoners.csv)
A=$WORK/a.db

expect_ok jz "$A" demo
expect_ok jz "$A" import --format cppc --as-of 2026-11-22 "$CPPC"

# Records that are not (all) public, each carrying a canary string that must never be
# published, and a public case that refers to the confidential person.
cat >private.jsonl <<'EOF'
{"id":"s0000000c01","kind":"source","visibility":"confidential","body":{"type":"testimony","title":{"en":"CANARY-SOURCE-TITLE witness statement"}}}
{"id":"p0000000c01","kind":"person","slug":"aaa-confidential-person","visibility":"confidential","body":{"name":{"zh":"机密甲","en":"CANARY-CONFIDENTIAL-NAME"}}}
{"id":"p0000000r01","kind":"person","visibility":"restricted","body":{"name":{"en":"CANARY-RESTRICTED-NAME"}}}
{"id":"o0000000r02","kind":"organization","visibility":"restricted","body":{"type":"ngo","name":{"en":"CANARY-RESTRICTED-ORG"}}}
{"id":"p0000000h01","kind":"person","slug":"public-with-secrets","sources":[{"source":"s0000000c01","locator":"CANARY-LOCATOR"}],"confidential":["/body/health","/body/name/en"],"body":{"name":{"zh":"公开乙","en":"CANARY-HIDDEN-EN"},"health":{"en":"CANARY-HEALTH"}}}
{"id":"c0000000c01","kind":"case","body":{"title":{"en":"Public case"},"persons":["p0000000c01","p0000000h01"],"lawyers":["o0000000r02"]},"links":[{"type":"related_to","target":"p0000000c01"},{"type":"related_to","target":"p0000000h01","visibility":"confidential","note":{"en":"CANARY-LINK-NOTE"}}]}
EOF
expect_ok jz "$A" import --format jsonl private.jsonl
expect_contains "$OUT" "6 records created"
# A record changed twice: its revision number must survive the round trip too.
printf '%s\n' '{"id":"p0000000v01","kind":"person","body":{"name":{"en":"Updated Twice"}}}' >u1.jsonl
printf '%s\n' '{"id":"p0000000v01","kind":"person","body":{"name":{"en":"Updated Twice"},"gender":"male"}}' >u2.jsonl
printf '%s\n' '{"id":"p0000000v01","kind":"person","body":{"name":{"en":"Updated Twice"},"gender":"male","born":"1970~"}}' >u3.jsonl
expect_ok jz "$A" import --format jsonl u1.jsonl
expect_ok jz "$A" import --format jsonl u2.jsonl
expect_ok jz "$A" import --format jsonl u3.jsonl
expect_eq "$(sql "$A" "SELECT revision FROM records WHERE id = 'p0000000v01'")" "3" "revision of p0000000v01"

# --- export → import → export ------------------------------------------------------------
expect_ok jz "$A" export --out e1.jsonl
[[ ! -e e1.jsonl.partial ]] || die "export left e1.jsonl.partial behind"
ok "no .partial file left"
records=$(sql "$A" "SELECT count(*) FROM records")
expect_eq "$(line_count e1.jsonl)" "$records" "lines of the export"
# The same bytes on standard output as in --out.
expect_ok jz "$A" export
cmp "$OUT" e1.jsonl || die "export to stdout differs from export --out"
ok "export to stdout = export --out"

B=$WORK/b.db
expect_ok jz "$B" init
expect_ok jz "$B" import --format jsonl e1.jsonl
expect_contains "$OUT" "$records rows; $records records created, 0 updated, 0 unchanged"
expect_ok jz "$B" export --out e2.jsonl
cmp e1.jsonl e2.jsonl || die "the second export differs from the first"
ok "export → import → export is byte-identical ($records records)"
expect_eq "$(sql "$B" "SELECT revision FROM records WHERE id = 'p0000000v01'")" "3" \
  "revision of p0000000v01 after the round trip"
expect_ok jz "$B" verify
expect_contains "$OUT" "history intact"

# Importing the export again into the copy: nothing to do, the database stays as it is.
fingerprint=$(db_fingerprint "$B")
expect_ok jz "$B" import --format jsonl e1.jsonl
expect_contains "$OUT" "0 records created, 0 updated, $records unchanged"
expect_unchanged "$B" "$fingerprint"

# --- the public export -------------------------------------------------------------------
expect_ok jz "$A" export --public --out public.jsonl
public=$(sql "$A" "SELECT count(*) FROM records WHERE visibility = 'public'")
expect_eq "$(line_count public.jsonl)" "$public" "lines of the public export"
for id in $(sql "$A" "SELECT id FROM records WHERE visibility <> 'public' ORDER BY id"); do
  # Neither the record nor any reference to it.
  expect_not_contains public.jsonl "$id"
done
for canary in CANARY-SOURCE-TITLE CANARY-CONFIDENTIAL-NAME 机密甲 CANARY-RESTRICTED-NAME \
  CANARY-RESTRICTED-ORG CANARY-LOCATOR CANARY-HIDDEN-EN CANARY-HEALTH CANARY-LINK-NOTE \
  '"confidential"' '"visibility":"restricted"'; do
  expect_not_contains public.jsonl "$canary"
done
# The public parts of the mixed records are there.
expect_contains public.jsonl '"id":"p0000000h01"'
expect_contains public.jsonl '公开乙'
expect_contains public.jsonl '"id":"c0000000c01"'
expect_contains public.jsonl '"persons":["p0000000h01"]'

# The public export stands on its own: it imports into an empty database, and every record
# there is public.
C=$WORK/c.db
expect_ok jz "$C" init
expect_ok jz "$C" import --format jsonl public.jsonl
expect_eq "$(sql "$C" "SELECT count(*) FROM records WHERE visibility <> 'public'")" "0" \
  "non-public records imported from the public export"
expect_eq "$(sql "$C" "SELECT count(*) FROM records")" "$public" "records imported from the public export"

# --- re-importing the CPPC file: nothing created, nothing updated -------------------------
fingerprint=$(db_fingerprint "$A")
expect_ok jz "$A" import --format cppc --as-of 2026-11-22 "$CPPC"
expect_contains "$OUT" "0 records created, 0 updated"
expect_unchanged "$A" "$fingerprint"

# --- an export that cannot be written leaves nothing behind --------------------------------
expect_fail jz "$A" export --out no/such/folder/e.jsonl
expect_contains "$ERR" "no/such/folder/e.jsonl"
[[ ! -e no ]] || die "a failed export created no/"
ok "a failed export leaves no file"

# ---- cases that fail while the bug each shows is there ---------------------------------------

# A slug is public: one made from a confidential English name publishes that name.
slug_from_confidential_name() {
  printf '%s\n' '{"id":"p0000000s01","kind":"person","confidential":["/body/name/en"],"body":{"name":{"zh":"公开丙","en":"Canary Slugleak"}}}' >slug.jsonl
  expect_ok jz "$A" import --format jsonl slug.jsonl
  expect_ok jz "$A" export --public --out public2.jsonl
  expect_contains public2.jsonl '"id":"p0000000s01"'
  expect_not_contains public2.jsonl "Canary Slugleak"
  expect_not_contains public2.jsonl "canary-slugleak"
}
section "a slug made from a confidential name" slug_from_confidential_name
