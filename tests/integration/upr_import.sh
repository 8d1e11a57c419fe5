#!/usr/bin/env bash
# UPR Info's recommendations as published (MacRoman, CR line ends): the rows to China become
# recommendations under a review per session; importing again changes nothing; a bad row
# anywhere is refused with its line and leaves the database as it was.
source "$(dirname "$0")/lib.sh"

S1_5=$(realdata upr-info-recs/upr-info-sessions-1-5.csv)
S14_17=$(realdata upr-info-recs/upr-info-sessions-14-17.csv)
DB=$WORK/upr.db

# What the files hold, counted here rather than trusted: rows to China (lines end in CR,
# each starts with the To column), by session (the last column) and response (the column
# before Action, a digit 1-5).
count_rows() { # FILE SESSION RESPONSE ("" for any)
  awk -F, -v s="$2" -v r="$3" 'BEGIN { RS = "\r" }
    /^China,/ && (s == "" || $NF == s) {
      if (r == "" || match($0, "," r ",[1-5],")) n++
    }
    END { print n + 0 }' "$1"
}
expect_eq "$(count_rows "$S1_5" 4 "")" "138" "rows to China in session 4"
expect_eq "$(count_rows "$S1_5" "" "")" "138" "rows to China in sessions 1-5"
expect_eq "$(count_rows "$S14_17" 17 "")" "284" "rows to China in session 17"
expect_eq "$(count_rows "$S14_17" "" "")" "284" "rows to China in sessions 14-17"

# recs REVIEW RESPONSE: recommendations under a review with a response.
recs() {
  sql "$DB" "SELECT count(*) FROM records WHERE kind = 'recommendation'
             AND json_extract(body, '\$.body.review') = '$1'
             AND json_extract(body, '\$.body.response') = '$2'"
}
review_where() { # SESSION: the id of the review record with that cycle
  sql "$DB" "SELECT id FROM records WHERE kind = 'review'
             AND json_extract(body, '\$.body.cycle') = 'UPR session $1'"
}

# --- the import -----------------------------------------------------------------------------
expect_ok jz "$DB" init
expect_ok jz "$DB" import --format upr-info "$S1_5"
expect_contains "$OUT" "138 rows; 140 records created, 0 updated, 0 unchanged"
expect_ok jz "$DB" import --format upr-info --to China "$S14_17"
expect_contains "$OUT" "284 rows; 285 records created, 0 updated, 1 unchanged"
expect_eq "$(sql "$DB" "SELECT count(*) FROM records WHERE kind = 'recommendation'")" "422" "recommendations"
expect_eq "$(sql "$DB" "SELECT count(*) FROM records WHERE kind = 'review'")" "2" "reviews"
R4=$(review_where 4)
R17=$(review_where 17)
expect_ne "$R4" "" "review of session 4"
expect_ne "$R17" "" "review of session 17"
expect_eq "$(sql "$DB" "SELECT json_extract(body, '\$.body.title.en') || '|' || json_extract(body, '\$.body.body')
                        || '|' || json_extract(body, '\$.body.date') FROM records WHERE id = '$R4'")" \
  "Universal Periodic Review of China, session 4|upr|2009-02" "review of session 4"
expect_eq "$(sql "$DB" "SELECT json_extract(body, '\$.body.date') FROM records WHERE id = '$R17'")" "2013-10" \
  "date of the review of session 17"
expect_eq "$(recs "$R4" accepted)" "$(count_rows "$S1_5" 4 Accepted)" "accepted in session 4"
expect_eq "$(recs "$R4" noted)" "$(count_rows "$S1_5" 4 Noted)" "noted in session 4"
expect_eq "$(recs "$R17" accepted)" "$(count_rows "$S14_17" 17 Accepted)" "accepted in session 17"
expect_eq "$(recs "$R17" noted)" "$(count_rows "$S14_17" 17 Noted)" "noted in session 17"
expect_eq "$(recs "$R4" accepted)/$(recs "$R4" noted)/$(recs "$R17" accepted)/$(recs "$R17" noted)" \
  "55/83/207/77" "responses"
# Line 1589 of sessions 1-5: three issues, as codes.
expect_eq "$(awk 'BEGIN { RS = "\r" } NR == 1589' "$S1_5")" \
  'China,Asia,,"In accordance with its imperatives dictated by its national realities, to proceed to legislative, judicial and administrative reform as well as create conditions permitting the ratification, as soon as possible, of the ICCPR",Algeria,Africa,"AU, OIC, AL",Accepted,4,"CP rights - general,International instruments,Justice",4' \
  "line 1589 of sessions 1-5"
expect_eq "$(sql "$DB" "SELECT json_extract(body, '\$.body.themes') || '|' || json_extract(body, '\$.body.from')
                        FROM records WHERE kind = 'recommendation'
                        AND json_extract(body, '\$.body.text.en') LIKE 'In accordance with its imperatives dictated by its national realities,%'")" \
  '["cp_rights_general","international_instruments","justice"]|Algeria' "themes and from of line 1589"

# --- the second time: nothing changes -------------------------------------------------------
fingerprint=$(db_fingerprint "$DB")
expect_ok jz "$DB" import --format upr-info "$S1_5"
expect_contains "$OUT" "138 rows; 0 records created, 0 updated, 140 unchanged"
expect_ok jz "$DB" import --format upr-info "$S14_17"
expect_contains "$OUT" "284 rows; 0 records created, 0 updated, 286 unchanged"
expect_unchanged "$DB" "$fingerprint"
expect_ok jz "$DB" verify
expect_contains "$OUT" "history intact"

# --- MacRoman: another state's rows with letters beyond ASCII, as UTF-8 ---------------------
expect_ok jz "$DB" import --format upr-info --to Senegal "$S1_5"
expect_contains "$OUT" "98 rows; 99 records created, 0 updated, 1 unchanged"
expect_eq "$(sql "$DB" "SELECT count(*) FROM records WHERE kind = 'recommendation'
                        AND json_extract(body, '\$.body.text.en') LIKE '%Mr. Hissène Habré to justice'")" \
  "2" "recommendations naming Hissène Habré (bytes 0x8F, 0x8E in the file)"

# --- refused: a bad row in another state's part of the file; --to without upr-info ----------
fingerprint=$(db_fingerprint "$DB")
awk 'BEGIN { RS = "\r"; ORS = "\r" } NR == 3000 { sub(/,Accepted,|,Noted,/, ",Supported,") } { print }' \
  "$S1_5" >bad.csv
expect_eq "$(awk -F, 'BEGIN { RS = "\r" } NR == 3000 { print $1 }' bad.csv)" "Macedonia FYR" "the state of line 3000"
expect_fail jz "$DB" import --format upr-info bad.csv
expect_contains "$ERR" "bad.csv:3000:"
expect_contains "$ERR" "column \"Response\": \"Supported\" is not a response UPR Info gives; write Accepted or Noted"
expect_contains "$ERR" "nothing was imported"
expect_unchanged "$DB" "$fingerprint"
expect_fail jz "$DB" import --format cppc --to China "$S1_5"
expect_contains "$ERR" "--to is only for --format upr-info"
expect_unchanged "$DB" "$fingerprint"

# --- with the demo: its review of session 4 is the one the import files under, kept as it is
DEMO=$WORK/demo.db
expect_ok jz "$DEMO" demo
demo_review=$(sql "$DEMO" "SELECT body FROM records WHERE id = '$R4'")
expect_ne "$demo_review" "" "the demo's review of session 4 (the id the import derives)"
expect_ok jz "$DEMO" import --format upr-info "$S1_5"
expect_contains "$OUT" "138 rows; 139 records created, 0 updated, 1 unchanged"
expect_eq "$(sql "$DEMO" "SELECT body FROM records WHERE id = '$R4'")" "$demo_review" "the demo's review after the import"
expect_eq "$(sql "$DEMO" "SELECT count(*) FROM records WHERE kind = 'recommendation'
                          AND json_extract(body, '\$.body.review') = '$R4'")" "138" "recommendations under it"
