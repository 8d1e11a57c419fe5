#!/usr/bin/env bash
# The editors' workspace on the real server, over HTTP: a researcher writes a person with a
# confidential field in the browser's form, submits it, and only a second person, an
# editor, publishes it; the public site shows the last published revision and never the
# confidential field; changes are sent back, diffed, restored and unpublished; bad input
# and forged forms save nothing; each role reaches only what it may.
source "$(dirname "$0")/lib.sh"

command -v curl >/dev/null || die "curl is needed (scripts/debian-packages.txt lists it)"

DB=$WORK/j.db
PASSWORD='correct horse battery staple'
CANARY='CANARY-WORKFLOW-HEALTH-5Z'
expect_ok jz "$DB" demo
expect_ok jz "$DB" user add ana --role researcher <<<"$PASSWORD"
expect_ok jz "$DB" user add eve --role editor <<<"$PASSWORD"
expect_ok jz "$DB" user add cal --role contributor <<<"$PASSWORD"
start_server "$DB"
log_in ana "$PASSWORD"
log_in eve "$PASSWORD"
log_in cal "$PASSWORD"

drafts() { sql "$DB" "SELECT count(*) FROM drafts"; }

# The form of a new person, as a browser sends it; more fields may follow.
new_person() {
  post_as ana /en/workspace/new/person --data-urlencode "/body/name/zh=王测试" \
    --data-urlencode "/visibility=public" "$@"
}

bad_input() {
  new_person --data-urlencode "/body/born=circa 2009" --data-urlencode "reason=r"
  expect_eq "$STATUS" "422" "an invalid date"
  expect_contains body.html "Nothing was saved."
  expect_contains body.html "write &quot;2009~&quot;"
  expect_contains body.html 'value="王测试"' # what was typed is kept
  new_person --data-urlencode "/body/name/en=$(printf 'x%.0s' {1..2001})"
  expect_eq "$STATUS" "422" "an oversized name"
  expect_contains body.html "too long: 2001 characters; at most 2000 fit here"
  new_person --data-urlencode "/body/persons=nobody" --data-urlencode "/sources=no such source"
  expect_eq "$STATUS" "422" "a source that cannot be found"
  expect_contains body.html "no public source matches &quot;no such source&quot;"
  fetch /en/workspace/new/person -H "Cookie: jz_session=${SESSION[ana]}" \
    --data-urlencode "csrf=forged" --data-urlencode "/body/name/zh=王测试"
  expect_eq "$STATUS" "403" "a forged CSRF token"
  fetch /en/workspace/new/person --data-urlencode "/body/name/zh=王测试"
  expect_eq "$STATUS" "403" "no session"
  fetch /en/workspace/new/person -H "Cookie: jz_session=expired0000" --data-urlencode "/body/name/zh=王测试"
  expect_eq "$STATUS" "403" "an unknown or expired session"
  expect_eq "$(drafts)" "0" "drafts after bad input"
}
section "bad input saves nothing" bad_input

# A new person with a confidential field, submitted by ana and published by eve.
new_person --data-urlencode "/body/name/en=Wang Ceshi" \
  --data-urlencode "/body/health/en=<script>alert(1)</script>$CANARY" \
  --data-urlencode "confidential=/body/health" --data-urlencode "/body/status=detained" \
  --data-urlencode "/sources=Wang Juntao | p. 3" --data-urlencode "reason=from the March report" \
  --data-urlencode "action=submit"
expect_eq "$STATUS" "303" "a new person submitted for review"
DRAFT=$(location)
DRAFT_NO=${DRAFT##*/}
expect_eq "$(sql "$DB" "SELECT state || ' ' || author FROM drafts")" "in_review ana" "the draft"
ID=$(sql "$DB" "SELECT record_id FROM drafts")

publish() {
  fetch "/api/v1/persons/$ID"
  expect_eq "$STATUS" "404" "the person before it is published"
  post_as ana "/en/workspace/drafts/$DRAFT_NO/review" --data-urlencode "decision=publish"
  expect_eq "$STATUS" "403" "the author publishing her own draft"
  post_as cal "/en/workspace/drafts/$DRAFT_NO/review" --data-urlencode "decision=publish"
  expect_eq "$STATUS" "403" "a contributor publishing"
  as eve "$DRAFT"
  expect_eq "$STATUS" "200" "the editor reads the draft"
  expect_contains body.html "&lt;script&gt;alert(1)&lt;/script&gt;$CANARY"
  expect_not_contains body.html "<script>alert(1)"
  post_as eve "/en/workspace/drafts/$DRAFT_NO/review" --data-urlencode "decision=publish"
  expect_eq "$STATUS" "303" "the editor publishes"
  expect_eq "$(location)" "/en/workspace/records/$ID" "after publishing"
  expect_eq "$(sql "$DB" "SELECT author || ' ' || reviewer || ' ' || reason FROM revisions WHERE record_id = '$ID'")" \
    "ana eve from the March report" "the revision"
  expect_eq "$(drafts)" "0" "drafts after publishing"
  for page in "/en/persons/$ID" "/zh-hans/persons/$ID" "/zh-hant/persons/$ID" "/api/v1/persons/$ID"; do
    fetch "$page"
    expect_eq "$STATUS" "200" "$page"
    expect_contains body.html "王测试"
    expect_not_contains body.html "$CANARY"
  done
  fetch "/api/v1/search?q=Wang+Ceshi"
  expect_contains body.html "\"$ID\""
  fetch "/api/v1/search?q=$CANARY"
  expect_not_contains body.html "\"$ID\""
  as ana "/en/workspace/records/$ID"
  expect_contains body.html "confidential"
  expect_contains body.html "$CANARY"
}
section "reviewed by a second person, published without the confidential field" publish

change_and_send_back() {
  post_as ana "/en/workspace/records/$ID/edit"
  expect_eq "$STATUS" "303" "a change started"
  local draft no
  draft=$(location)
  no=${draft##*/}
  post_as ana "$draft" --data-urlencode "/body/name/zh=王测试" --data-urlencode "/body/name/en=Wang Ce-shi" \
    --data-urlencode "/body/health/en=$CANARY" --data-urlencode "confidential=/body/health" \
    --data-urlencode "/body/status=released" --data-urlencode "/visibility=public" \
    --data-urlencode "reason=released in May" --data-urlencode "action=submit"
  expect_eq "$STATUS" "303" "the change submitted"
  fetch "/en/persons/$ID"
  expect_contains body.html "Wang Ceshi" # the published revision, while the change waits
  post_as eve "/en/workspace/drafts/$no/review" --data-urlencode "decision=send_back" --data-urlencode "note=cite the May source"
  expect_eq "$STATUS" "303" "sent back"
  expect_eq "$(sql "$DB" "SELECT state || ': ' || review_note FROM drafts")" "draft: cite the May source" "the draft sent back"
  as ana "$draft"
  expect_contains body.html "cite the May source"
  post_as ana "$draft" --data-urlencode "/body/name/zh=王测试" --data-urlencode "/body/name/en=Wang Ce-shi" \
    --data-urlencode "/body/health/en=$CANARY" --data-urlencode "confidential=/body/health" \
    --data-urlencode "/body/status=released" --data-urlencode "/visibility=public" \
    --data-urlencode "/sources=Wang Juntao | p. 4" --data-urlencode "reason=released in May" \
    --data-urlencode "action=submit"
  post_as eve "/en/workspace/drafts/$no/review" --data-urlencode "decision=publish"
  expect_eq "$STATUS" "303" "published after the fix"
  fetch "/en/persons/$ID"
  expect_contains body.html "Wang Ce-shi"
  expect_not_contains body.html "$CANARY"
}
section "a change sent back, fixed and published" change_and_send_back

history_and_restore() {
  as ana "/en/workspace/records/$ID/history?from=1&to=2"
  expect_eq "$STATUS" "200" "the history"
  expect_contains body.html "<del>Wang Ceshi</del>"
  expect_contains body.html "<ins>Wang Ce-shi</ins>"
  expect_contains body.html "released in May"
  post_as ana "/en/workspace/records/$ID/restore" --data-urlencode "revision=1"
  expect_eq "$STATUS" "303" "restore revision 1"
  as ana "$(location)"
  expect_contains body.html "restore revision 1"
  expect_contains body.html "<ins>Wang Ceshi</ins>"
  local no
  no=$(sql "$DB" "SELECT id FROM drafts")
  post_as ana "/en/workspace/drafts/$no/discard"
  expect_eq "$STATUS" "303" "the restoring draft discarded"
  expect_eq "$(drafts)" "0" "drafts after discarding"
}
section "history with a diff, restore as a draft" history_and_restore

duplicates_and_merge() {
  local liu=p44sj9v9201 # the demo's Liu Xiaobo
  # new_person_named NAME: ana writes a person, eve publishes it; its id in PUBLISHED.
  new_person_named() {
    post_as ana /en/workspace/new/person --data-urlencode "/body/name/zh=$1" \
      --data-urlencode "/visibility=public" --data-urlencode "/body/ethnicity/en=Han" \
      --data-urlencode "reason=from another list" --data-urlencode "action=submit"
    local no
    no=$(location)
    post_as eve "/en/workspace/drafts/${no##*/}/review" --data-urlencode "decision=publish"
    expect_eq "$STATUS" "303" "$1 published"
    PUBLISHED=$(location)
    PUBLISHED=${PUBLISHED##*/}
  }
  new_person_named 劉曉波
  local dup=$PUBLISHED
  as ana /en/workspace/duplicates
  expect_eq "$STATUS" "200" "the possible duplicates"
  expect_contains body.html "same name in Simplified: 刘晓波"
  expect_contains body.html "$dup"
  expect_not_contains body.html 'class="merge"' # a researcher does not merge
  post_as ana "/en/workspace/records/$liu/merge" --data-urlencode "duplicate=$dup" --data-urlencode "reason=x"
  expect_eq "$STATUS" "403" "a researcher merging"
  as eve /en/workspace/duplicates
  expect_contains body.html 'class="merge"'
  post_as eve "/en/workspace/records/$liu/merge" --data-urlencode "duplicate=$dup" \
    --data-urlencode "reason=the same man in two lists"
  expect_eq "$STATUS" "303" "merged"
  fetch "/en/persons/$dup"
  expect_eq "$STATUS" "301" "the duplicate's public address"
  expect_contains headers.txt "Location: /en/persons/$liu"
  fetch "/zh-hant/persons/$liu"
  expect_contains body.html "劉曉波"
  fetch "/api/v1/persons/$liu"
  expect_contains body.html '"en":"Han"' # filled in from the duplicate
  as eve /en/workspace/duplicates
  expect_not_contains body.html "$dup"
  expect_eq "$(sql "$DB" "SELECT count(*) FROM revisions WHERE record_id = '$dup'")" "2" "the duplicate's history"
  expect_eq "$(sql "$DB" "SELECT count(*) FROM refs WHERE to_id = '$dup'")" "0" "references to the duplicate"
}
section "possible duplicates and merge" duplicates_and_merge

attach_a_file() {
  post_as ana /en/workspace/new/source --data-urlencode "/body/type=court_document" \
    --data-urlencode "/body/title/en=Verdict" --data-urlencode "/visibility=public" \
    --data-urlencode "reason=the verdict"
  expect_eq "$STATUS" "303" "a new source"
  local draft
  draft=$(location)
  printf 'scan\0with\r\nbinary bytes\xff' >verdict.pdf
  as ana "$draft/file" -F "csrf=forged" -F "file=@verdict.pdf"
  expect_eq "$STATUS" "403" "an upload with a forged token"
  as ana "$draft/file" -F "csrf=${CSRF[ana]}" -F "file=@verdict.pdf;filename=../../etc/passwd"
  expect_eq "$STATUS" "303" "the file attached"
  local hash
  hash=$(sql "$DB" "SELECT json_extract(body, '$.body.file_hash') FROM drafts WHERE kind = 'source'")
  [[ "$hash" =~ ^blake2b-256:[0-9a-f]{64}$ ]] || die "the draft's file_hash is $hash"
  ok "the draft's file_hash: $hash"
  local hex=${hash#blake2b-256:}
  expect_ok cmp verdict.pdf "$DB.files/${hex:0:2}/$hex"
  as ana "/en/workspace/files/$hash"
  expect_eq "$STATUS" "200" "the file downloaded"
  expect_ok cmp verdict.pdf body.html
  expect_contains headers.txt "Content-Disposition: attachment"
  expect_contains headers.txt "Content-Type: application/octet-stream"
  as cal "/en/workspace/files/$hash"
  expect_eq "$STATUS" "403" "a contributor downloading"
  head -c $((20 * 1024 * 1024 + 1)) /dev/zero >big.bin
  as ana "$draft/file" -F "csrf=${CSRF[ana]}" -F "file=@big.bin"
  expect_eq "$STATUS" "422" "a file over 20 MB"
  expect_contains body.html "the file is 21 MB; at most 20 MB may be attached"
  head -c $((22 * 1024 * 1024)) /dev/zero >bigger.bin
  as ana "$draft/file" -F "csrf=${CSRF[ana]}" -F "file=@bigger.bin"
  expect_eq "$STATUS" "413" "a body over the upload limit"
  as ana "$draft/file" -F "csrf=${CSRF[ana]}" -F "file=@/dev/null"
  expect_eq "$STATUS" "422" "no file chosen"
  head -c 1100000 /dev/zero | tr '\0' x >long.txt
  fetch "/en/workspace/new/person" -H "Cookie: jz_session=${SESSION[ana]}" \
    --data-urlencode "csrf=${CSRF[ana]}" --data-urlencode "/body/name/en@long.txt"
  expect_eq "$STATUS" "413" "an ordinary form over 1 MB"
  expect_eq "$(sql "$DB" "SELECT json_extract(body, '$.body.file_hash') FROM drafts WHERE kind = 'source'")" \
    "$hash" "the draft's file after the refused uploads"
}
section "a source's file: attached, hashed, stored outside, downloaded by the team" attach_a_file

roles_and_unpublish() {
  as cal /en/workspace/audit
  expect_eq "$STATUS" "403" "a contributor's audit view"
  post_as ana "/en/workspace/records/$ID/unpublish" --data-urlencode "reason=x"
  expect_eq "$STATUS" "403" "a researcher unpublishing"
  post_as eve "/en/workspace/records/$ID/unpublish" --data-urlencode "reason=the family asked"
  expect_eq "$STATUS" "303" "unpublished"
  fetch "/en/persons/$ID"
  expect_eq "$STATUS" "404" "the public page after unpublishing"
  as cal "/en/workspace/records/$ID"
  expect_eq "$STATUS" "403" "a contributor reading a restricted record"
  expect_ok jz "$DB" user grant cal "$ID"
  as cal "/en/workspace/records/$ID"
  expect_eq "$STATUS" "200" "the same with a grant for it"
  expect_ok jz "$DB" user revoke cal "$ID"
  as cal "/en/workspace/records/$ID"
  expect_eq "$STATUS" "403" "after the grant is revoked"
  as ana "/en/workspace/records/$ID"
  expect_eq "$STATUS" "200" "a researcher reading it"
  as eve /en/workspace/audit
  expect_contains body.html "unpublished: the family asked"
  expect_contains body.html "sent back: cite the May source"
}
section "roles, unpublish, audit" roles_and_unpublish

expect_ok jz "$DB" verify
stop_server
expect_not_contains serve.err "$CANARY"
expect_not_contains serve.err "$PASSWORD"
