#!/usr/bin/env bash
# Static mirrors end to end: `jianzheng publish` of the demo data and the leak test's
# canaries (tests/fixtures/leak-canaries.jsonl), signed with a key of `jianzheng keys`;
# the mirror and its bundle verify with `jianzheng verify-mirror`; no canary in any file;
# the same database and day give the same bytes; a second publish replaces the mirror,
# rendering only what a change reached and writing only the files that differ into the mirror
# before it, with the same files as a full publish; tampering is
# caught; bad input changes nothing.
#
# Needs bash, coreutils, grep and python3 (to unpack the zip).
source "$(dirname "$0")/lib.sh"

FIXTURE=$JZ_SOURCE/tests/fixtures/leak-canaries.jsonl
[[ -f "$FIXTURE" ]] || die "no fixture $FIXTURE (set JZ_SOURCE)"
command -v python3 >/dev/null || die "python3 is needed to unpack the bundle"

DB=$WORK/j.db
expect_ok jz "$DB" demo
expect_ok jz "$DB" import --format jsonl "$FIXTURE"
expect_ok "$JZ" keys generate --keys keys
FP=$(sed -n 's/^key \([a-z2-7-]*\).*/\1/p' "$OUT" | head -1)
[[ "$FP" =~ ^[a-z2-7]{4}(-[a-z2-7]{4}){7}$ ]] || die "keys generate printed no fingerprint" "$(cat "$OUT")"
ok "a signing key $FP"

publish() { jz "$DB" publish --keys keys --as-of 2026-11-23 "$@"; }

expect_ok publish --out mirror --bundle mirror.zip
expect_contains "$OUT" "signed with key $FP"
for f in index.html manifest.json manifest.sig keys.json sitemap.xml data/records.jsonl \
  static/site.css search/meta.js zh-hans/index.html en/persons/p44sj9v9201.html \
  zh-hant/cases/cnvch8d2sae/feed.atom en/feed.atom en/mirrors.html en/search.html; do
  [[ -f "mirror/$f" ]] || die "the mirror has no $f"
done
ok "the mirror has its pages, feeds, search index, data, sitemap and signature"
[[ ! -e mirror.partial ]] || die "the staging folder was left behind"
ok "no staging folder left behind"
expect_contains mirror/en/about.html "$FP"
expect_contains mirror/en/persons/p44sj9v9201.html "$FP"
expect_contains mirror/zh-hans/mirrors.html "verify-mirror"

expect_ok "$JZ" verify-mirror mirror --key "$FP"
expect_contains "$OUT" "mirror intact"
expect_ok "$JZ" verify-mirror mirror.zip --key "$FP"
expect_contains "$OUT" "mirror intact"

# --- nothing that is not public, in any file -----------------------------------------------
# Every JSON string of the fixture holding "canary" (any case) or 金丝雀 is a canary.
canaries=()
while IFS= read -r line || [[ -n "$line" ]]; do
  IFS='"' read -r -a parts <<<"$line"
  for p in "${parts[@]}"; do
    [[ "${p,,}" == *canary* || "$p" == *金丝雀* ]] && canaries+=("$p")
  done
done <"$FIXTURE"
((${#canaries[@]} > 20)) || die "found only ${#canaries[@]} canaries in the fixture"
mkdir unpacked
python3 -m zipfile -e mirror.zip unpacked || die "the bundle does not unpack"
for dir in mirror unpacked; do
  for c in "${canaries[@]}" 金絲雀; do
    if hit=$(grep -rlF -- "$c" "$dir"); then
      die "canary \"$c\" is in $dir:" "$hit"
    fi
  done
done
ok "none of ${#canaries[@]} canaries in any file of the mirror or its bundle"
grep -rqF "VISIBLE-" mirror || die "the public text of the fixture's records is not in the mirror"
ok "the fixture's public text is in the mirror"
diff -r mirror unpacked >/dev/null || die "the unpacked bundle differs from the mirror"
ok "the bundle holds exactly the mirror"

# --- deterministic ---------------------------------------------------------------------------
expect_ok publish --out again --bundle again.zip
diff -r mirror again >/dev/null || die "a second publish of the same database differs"
cmp -s mirror.zip again.zip || die "a second bundle of the same database differs"
ok "the same database and day give byte-identical files and bundle"

# --- replacing a mirror: only what a change reaches is rendered again ------------------------
[[ -f mirror.publish-state ]] || die "publish left no state beside the mirror"
[[ ! -e mirror.publish-state.next ]] || die "the state written while signing was left beside the mirror"
echo '{"format":1}' >mirror.publish-state.jsonl # what publish wrote before the current format
expect_ok publish --out mirror
expect_contains "$OUT" "rendered 0 pages"
[[ ! -e mirror.publish-state.jsonl ]] || die "the state in the earlier format was left beside the mirror"
expect_ok "$JZ" verify-mirror mirror --key "$FP"
expect_ok jz "$DB" show p44sj9v9201
python3 -c 'import json,sys; r=json.load(sys.stdin); r["body"]["name"]["en"]="Liu Xiaobo (renamed)"; print(json.dumps(r, ensure_ascii=False))' \
  <"$OUT" >renamed.jsonl || die "cannot edit the record"
expect_ok jz "$DB" import --format jsonl renamed.jsonl
[[ -f mirror.previous/manifest.json ]] || die "the mirror before was not kept as mirror.previous"
expect_ok "$JZ" verify-mirror mirror.previous --key "$FP"
expect_ok publish --out mirror --bundle mirror.zip
rendered=$(sed -n 's/.*; rendered \([0-9]*\) pages.*took \([0-9]*\) unchanged.*/\1 \2/p' "$OUT")
read -r rendered taken <<<"$rendered"
((rendered > 0 && taken > 3 * rendered)) || die "one change rendered $rendered pages and took $taken" "$(cat "$OUT")"
files=$(sed -n 's/^files: \([0-9]*\) written or linked, \([0-9]*\) already there.*/\1 \2/p' "$OUT")
read -r written kept <<<"$files"
((written > 0 && kept > 10 * written)) ||
  die "the mirror before was not updated in place: $written files written, $kept kept" "$(cat "$OUT")"
expect_contains mirror/en/persons/p44sj9v9201.html "Liu Xiaobo (renamed)"
expect_ok publish --out full --full
diff -r mirror full >/dev/null || die "the incremental mirror differs from a full one"
expect_ok "$JZ" verify-mirror mirror.zip --key "$FP"
if unzip -l mirror.zip | grep -q publish-state; then die "the bundle holds the publish state"; fi
ok "after one change $rendered pages were rendered and $taken taken, $written files written: the same files as a full publish"
# The mirror before it shared most files with the one updated: still whole, and unchanged.
expect_ok "$JZ" verify-mirror mirror.previous --key "$FP"
grep -q "Liu Xiaobo (renamed)" mirror.previous/en/persons/p44sj9v9201.html &&
  die "the mirror before shows the change"
ok "the mirror before is kept whole beside it, as mirror.previous"
rm -rf mirror.previous && mkdir mirror.previous && echo damaged >mirror.previous/manifest.json
expect_ok publish --out mirror
expect_contains "$OUT" " 0 already there"
expect_ok "$JZ" verify-mirror mirror --key "$FP"
diff -r mirror full >/dev/null || die "a publish beside a damaged mirror.previous differs from a full one"
ok "a damaged mirror.previous is not built on"
echo '<p>added by hand</p>' >mirror/en/by-hand.html # kept as mirror.previous by the next publish
expect_ok publish --out mirror
expect_ok publish --out mirror # made from that mirror.previous
[[ ! -e mirror/en/by-hand.html ]] || die "a file the mirror before did not list was carried into the next"
expect_ok "$JZ" verify-mirror mirror --key "$FP"
ok "what the mirror before holds beyond its manifest is not carried into the next"
mkdir -p mirror.publish-state.next.partial/x # where the state is written: it cannot be now
expect_ok publish --out mirror
expect_contains "$ERR" "the next publish renders every page"
[[ ! -e mirror.publish-state && ! -e mirror.publish-state.next ]] ||
  die "a state was left beside the mirror that publish could not write"
expect_ok "$JZ" verify-mirror mirror --key "$FP"
rm -r mirror.publish-state.next.partial
expect_ok publish --out mirror
expect_contains "$OUT" "took 0 unchanged"
[[ -f mirror.publish-state ]] || die "the state was not written again"
ok "a state that cannot be written is a warning, and the next publish renders every page"

# --- what is refused -------------------------------------------------------------------------
mkdir mine && echo notes >mine/notes.txt
expect_fail publish --out mine
expect_contains "$ERR" "not a mirror"
[[ "$(cat mine/notes.txt)" == notes && ! -e mine.partial ]] || die "the refused folder changed"
ok "a folder that is not a mirror is left as it was"
mkdir -p beside.previous && echo notes >beside.previous/notes.txt
expect_fail publish --out beside
expect_contains "$ERR" "beside.previous: is not a mirror"
[[ "$(cat beside.previous/notes.txt)" == notes && ! -e beside ]] || die "the refused folder beside changed"
ok "a folder where publish would keep the mirror before, that is not a mirror, is left as it was"
expect_fail jz "$DB" publish --keys keys --out other --as-of 2026-13-01
expect_contains "$ERR" "--as-of"
[[ ! -e other ]] || die "a refused publish wrote other/"
expect_fail jz "$DB" publish --out other --keys nokeys
[[ ! -e other ]] || die "a publish without a key wrote other/"
ok "a bad date or a missing key writes nothing"

# --- tampering -------------------------------------------------------------------------------
cp -r mirror t1 && printf 'x' >>t1/en/persons/p44sj9v9201.html
expect_fail "$JZ" verify-mirror t1 --key "$FP"
expect_contains "$OUT" "en/persons/p44sj9v9201.html"
cp -r mirror t2 && rm t2/en/about.html
expect_fail "$JZ" verify-mirror t2 --key "$FP"
expect_contains "$OUT" "en/about.html"
cp -r mirror t3 && echo '<p>hello</p>' >t3/en/extra.html
expect_fail "$JZ" verify-mirror t3 --key "$FP"
expect_contains "$OUT" "en/extra.html"
expect_ok "$JZ" keys generate --keys otherkeys
OTHER=$(sed -n 's/^key \([a-z2-7-]*\).*/\1/p' "$OUT" | head -1)
expect_fail "$JZ" verify-mirror mirror --key "$OTHER"
ok "a changed byte, a deleted file, an added file and another key are each caught"
