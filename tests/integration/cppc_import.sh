#!/usr/bin/env bash
# The CPPC political prisoner list as published: one person and one case per row, statuses
# inferred from the sentence field, irregular dates read with a warning (or refused with
# --strict).
source "$(dirname "$0")/lib.sh"

CPPC=$(realdata cppc-political-prisoners/chinese-political-prisoners.csv)
DB=$WORK/cppc.db
AS_OF=2026-11-22

# What the file holds, counted here rather than trusted from elsewhere: data rows are the
# non-empty lines after the header (the last line has no newline, which awk counts).
rows=$(awk 'NR > 1 && $0 != ""' "$CPPC" | awk 'END { print NR }')
((rows > 900)) || die "only $rows data rows in $CPPC"
ok "the CPPC file has $rows data rows"
# The file has no quoted fields, so awk -F, splits it as the importer does (its lines end
# in CRLF: a field compared at the end of a line needs its \r removed first).
expect_eq "$(awk -F, 'NR > 1 && NF != 7' "$CPPC" | awk 'END { print NR }')" "0" "rows without 7 fields"

# line_where AWK_CONDITION: the line number of the first data row matching, e.g. '$6 == "life"'.
line_where() {
  local n
  n=$(awk -F, "NR > 1 && ($1) { print NR; exit }" "$CPPC")
  [[ -n "$n" ]] || die "no row of the CPPC file has $1"
  printf '%s' "$n"
}
# person_at LINE FIELD / case_at LINE FIELD: a field of the record made from that line,
# found by the citation of the list ("line N", followed by "; ..." for irregular dates).
DATASET=""
record_at() {
  local kind=$1 line=$2 field=$3
  sql "$DB" "SELECT ifnull(json_extract(body, '\$.$field'), '<none>') FROM records
             WHERE kind = '$kind' AND json_extract(body, '\$.sources[0].source') = '$DATASET'
               AND (json_extract(body, '\$.sources[0].locator') = 'line $line'
                    OR json_extract(body, '\$.sources[0].locator') LIKE 'line $line;%')"
}
person_at() { record_at person "$@"; }
case_at() { record_at case "$@"; }

# --- the import ---------------------------------------------------------------------------
expect_ok jz "$DB" init
expect_ok jz "$DB" import --format cppc --as-of "$AS_OF" "$CPPC"
expect_contains "$OUT" "$rows rows;"
DATASET=$(sql "$DB" "SELECT id FROM records WHERE kind = 'source' AND slug = 'cppc-political-prisoner-list'")
expect_ne "$DATASET" "" "id of the dataset source"
expect_eq "$(sql "$DB" "SELECT count(*) FROM records WHERE kind = 'person'")" "$rows" "persons created"
expect_eq "$(sql "$DB" "SELECT count(*) FROM records WHERE kind = 'case'")" "$rows" "cases created"
# One source per distinct URL, plus the list itself.
urls=$(awk -F, 'NR > 1 { sub(/\r$/, ""); n = split($7, u, " "); for (i = 1; i <= n; i++) print u[i] }' "$CPPC" |
  sort -u | awk 'END { print NR }')
expect_eq "$(sql "$DB" "SELECT count(*) FROM records WHERE kind = 'source'")" "$((urls + 1))" "source records"
created=$(sql "$DB" "SELECT count(*) FROM records")
expect_contains "$OUT" "$created records created, 0 updated, 0 unchanged"
# Every case names the person of its row.
expect_eq "$(sql "$DB" "SELECT count(*) FROM records c JOIN records p
                        ON p.id = json_extract(c.body, '\$.body.persons[0]')
                        WHERE c.kind = 'case' AND p.kind = 'person'
                          AND json_extract(c.body, '\$.sources[0].locator') = json_extract(p.body, '\$.sources[0].locator')")" \
  "$rows" "cases naming the person of the same row"

# --- the three irregular dates: warned about, read at the precision that is valid -------
warnings=0
while IFS= read -r line; do
  [[ "$line" == warning:* ]] && warnings=$((warnings + 1))
done <"$ERR"
expect_eq "$warnings" "3" "warnings on stderr"
expect_eq "$(awk -F, 'NR == 6 { print $3 }' "$CPPC")" "1954-02-29" "date of birth on line 6"
expect_eq "$(awk -F, 'NR == 331 { print $3 }' "$CPPC")" "1952-08021" "date of birth on line 331"
expect_eq "$(awk -F, 'NR == 651 { print $3 }' "$CPPC")" "19812" "date of birth on line 651"
expect_contains "$ERR" "warning: $CPPC:6:9: column \"Date of Birth\": \"1954-02-29\" is not a date"
expect_contains "$ERR" "read as 1954-02"
expect_contains "$ERR" "warning: $CPPC:331:12: column \"Date of Birth\": \"1952-08021\" is not a date"
expect_contains "$ERR" "\"1952-08021\" is not a date: the month must have two digits"
expect_contains "$ERR" "warning: $CPPC:651:11: column \"Date of Birth\": \"19812\" is not a date"
expect_contains "$ERR" "read as unknown"
expect_eq "$(person_at 6 body.born)" "1954-02" "born, line 6"
expect_eq "$(person_at 331 body.born)" "1952" "born, line 331"
expect_eq "$(person_at 651 body.born)" "<none>" "born, line 651"
expect_eq "$(person_at 6 'sources[0].locator')" 'line 6; Date of Birth given as "1954-02-29", read as 1954-02' "locator, line 6"
expect_eq "$(person_at 331 'sources[0].locator')" 'line 331; Date of Birth given as "1952-08021", read as 1952' "locator, line 331"
expect_eq "$(person_at 651 'sources[0].locator')" 'line 651; Date of Birth given as "19812", read as unknown' "locator, line 651"

# --- dates are kept exactly, never made more precise --------------------------------------
expect_eq "$(awk -F, 'NR == 2 { print $1 "," $3 }' "$CPPC")" "刘晓波,1955-12-28" "line 2 of the file"
expect_eq "$(person_at 2 body.born)" "1955-12-28" "born, 刘晓波"
expect_eq "$(person_at 2 body.name.zh)" "刘晓波" "name, line 2"
year_only=$(line_where '$3 ~ /^[0-9][0-9][0-9][0-9]$/')
expect_eq "$(person_at "$year_only" body.born)" "$(awk -F, -v n="$year_only" 'NR == n { print $3 }' "$CPPC")" \
  "born, a year-only date (line $year_only)"

# --- one name, two people -----------------------------------------------------------------
expect_eq "$(sql "$DB" "SELECT count(DISTINCT id) FROM records WHERE kind = 'person' AND json_extract(body, '\$.body.name.zh') = '陈卫'")" \
  "2" "persons named 陈卫"
expect_eq "$(sql "$DB" "SELECT group_concat(g, ',') FROM (SELECT json_extract(body, '\$.body.gender') AS g FROM records
                        WHERE kind = 'person' AND json_extract(body, '\$.body.name.zh') = '陈卫' ORDER BY g)")" \
  "female,male" "genders of the two 陈卫"
expect_eq "$(sql "$DB" "SELECT count(DISTINCT id) FROM records WHERE kind = 'person' AND json_extract(body, '\$.body.name.zh') = '宋桂香'")" \
  "2" "persons named 宋桂香"
expect_eq "$(sql "$DB" "SELECT group_concat(b, ',') FROM (SELECT json_extract(body, '\$.body.born') AS b FROM records
                        WHERE kind = 'person' AND json_extract(body, '\$.body.name.zh') = '宋桂香' ORDER BY b)")" \
  "$(awk -F, '$1 == "宋桂香" { print $3 }' "$CPPC" | sort | paste -sd, -)" "births of the two 宋桂香"
expect_eq "$(sql "$DB" "SELECT count(DISTINCT slug) FROM records WHERE kind = 'person' AND json_extract(body, '\$.body.name.zh') IN ('陈卫', '宋桂香')")" \
  "4" "distinct slugs of the four"

# --- statuses inferred from the sentence field --------------------------------------------
n=$(line_where '$6 == "detention" && $4 == ""')
expect_eq "$(person_at "$n" body.status)" "detained" "status, sentence \"detention\" (line $n)"
expect_eq "$(case_at "$n" body.status)" "pre_trial" "case status, sentence \"detention\" (line $n)"
n=$(line_where '$6 == "life" && $4 == ""')
expect_eq "$(person_at "$n" body.status)" "serving_sentence" "status, sentence \"life\" (line $n)"
expect_eq "$(case_at "$n" body.sentence.type)" "life" "sentence type, \"life\" (line $n)"
n=$(line_where '$6 == "unknown" && $4 == ""')
expect_eq "$(person_at "$n" body.status)" "serving_sentence" "status, sentence \"unknown\" (line $n)"
expect_eq "$(case_at "$n" body.sentence.type)" "unknown" "sentence type, \"unknown\" (line $n)"
n=$(line_where '$6 ~ /^[0-9]/ && $6 < "2026" && $4 == ""')
expect_eq "$(person_at "$n" body.status)" "released" "status, sentence ended before --as-of (line $n)"
expect_eq "$(case_at "$n" body.sentence.type)" "fixed_term" "sentence type, a date (line $n)"
expect_eq "$(case_at "$n" body.sentence.ends)" "$(awk -F, -v n="$n" 'NR == n { print $6 }' "$CPPC")" "sentence end (line $n)"
released_line=$n
n=$(line_where '$6 ~ /^[0-9]/ && $6 > "2027" && $4 == ""')
expect_eq "$(person_at "$n" body.status)" "serving_sentence" "status, sentence ending after --as-of (line $n)"
n=$(line_where '$6 == "death"')
expect_eq "$(case_at "$n" body.sentence.type)" "death" "sentence type, sentence \"death\" (line $n)"
expect_eq "$(case_at "$n" body.status)" "sentenced" "case status, sentence \"death\" (line $n)"
n=$(line_where '$4 != "" && $6 == "life"')
expect_eq "$(person_at "$n" body.status)" "deceased" "status, a death date and a life sentence (line $n)"
expect_eq "$(person_at 2 body.status)" "deceased" "status, 刘晓波 (died 2017)"
expect_eq "$(person_at 2 body.died)" "2017-07-13" "died, 刘晓波"
# The inference is said to be one.
expect_eq "$(person_at 2 body.status_note.en)" \
  'Inferred from the CPPC list (sentence field "2019-12-07"; the sentence ends 2019-12-07, before 2026-11-22); not independently verified.' \
  "status note, 刘晓波"

# --- re-import: nothing changes; an earlier --as-of changes only what it should ------------
fingerprint=$(db_fingerprint "$DB")
expect_ok jz "$DB" import --format cppc --as-of "$AS_OF" "$CPPC"
expect_contains "$OUT" "0 records created, 0 updated, $created unchanged"
expect_unchanged "$DB" "$fingerprint"

released_id=$(sql "$DB" "SELECT id FROM records WHERE kind = 'person' AND json_extract(body, '\$.sources[0].locator') = 'line $released_line'")
expect_ok jz "$DB" import --format cppc --as-of 2000-01-01 "$CPPC"
expect_contains "$OUT" "0 records created,"
expect_eq "$(person_at "$released_line" body.status)" "serving_sentence" \
  "status of line $released_line with --as-of 2000-01-01"
expect_eq "$(sql "$DB" "SELECT revision FROM records WHERE id = '$released_id'")" "2" "revision of that person"
expect_ok jz "$DB" verify
expect_contains "$OUT" "history intact"

# --- --as-of must be a day ----------------------------------------------------------------
fingerprint=$(db_fingerprint "$DB")
expect_fail jz "$DB" import --format cppc --as-of 2026-11 "$CPPC"
expect_contains "$ERR" "give a day as YYYY-MM-DD"
expect_unchanged "$DB" "$fingerprint"

# --- --strict: the first irregular date stops the import, nothing is written --------------
expect_fail jz "$DB" import --format cppc --strict --as-of "$AS_OF" "$CPPC"
expect_contains "$ERR" "$CPPC:6:9: column \"Date of Birth\": \"1954-02-29\" is not a date"
expect_contains "$ERR" "nothing was imported"
expect_unchanged "$DB" "$fingerprint"
EMPTY=$WORK/empty.db
expect_ok jz "$EMPTY" init
fingerprint=$(db_fingerprint "$EMPTY")
expect_fail jz "$EMPTY" import --format cppc --strict --as-of "$AS_OF" "$CPPC"
expect_contains "$ERR" "$CPPC:6:9:"
expect_unchanged "$EMPTY" "$fingerprint"
expect_eq "$(sql "$EMPTY" "SELECT count(*) FROM revisions")" "0" "revisions after a refused import"

# --- a copy with a byte-order mark and CRLF line ends (as a Windows editor saves it) -------
{
  printf '\xef\xbb\xbf'
  awk 'NR <= 6 { sub(/\r$/, ""); printf "%s\r\n", $0 }' "$CPPC"
} >windows.csv
WINDOWS=$WORK/windows.db
expect_ok jz "$WINDOWS" init
expect_ok jz "$WINDOWS" import --format cppc --as-of "$AS_OF" windows.csv
expect_contains "$OUT" "5 rows;"
expect_contains "$ERR" "warning: windows.csv:6:9: column \"Date of Birth\": \"1954-02-29\" is not a date"
# The same records as from the original file, bytes for bytes.
expect_eq "$(sql "$WINDOWS" "SELECT group_concat(id || json_extract(body, '\$.body.born'), ' ') FROM (SELECT * FROM records WHERE kind = 'person' ORDER BY id)")" \
  "$(sql "$DB" "SELECT group_concat(id || json_extract(body, '\$.body.born'), ' ') FROM (SELECT * FROM records WHERE kind = 'person'
               AND json_extract(body, '\$.sources[0].locator') GLOB 'line [2-6]*' AND json_extract(body, '\$.sources[0].locator') NOT GLOB 'line [2-6][0-9]*' ORDER BY id)")" \
  "persons from the Windows copy"
