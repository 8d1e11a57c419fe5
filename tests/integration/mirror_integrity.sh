#!/usr/bin/env bash
# Signed mirrors through the real binary: keys generate/rotate, verify-mirror on a signed
# mirror and its bundle (tests/mirror/fixture, signed by src/mirror; `publish` writes new
# ones), every tampering found with exit 1, usage mistakes exit 2, and mirror-config's files
# accepted by nginx -t and tor --verify-config.
source "$(dirname "$0")/lib.sh"

FIXTURE=$JZ_SOURCE/tests/mirror/fixture
FP=zzod-ezrx-kjon-tyre-abpz-63fo-u45u-tjzk # the fixture's key, as its keys.json says

# A fresh copy of the signed fixture mirror in $1.
fresh() {
  rm -rf "$1"
  cp -r "$FIXTURE/site" "$1"
}

keys() {
  expect_ok "$JZ" keys generate --keys k
  expect_contains "$OUT" "key "
  expect_contains "$OUT" "verify-mirror DIR --key "
  local first
  first=$(<"$OUT")
  first=${first#key }
  first=${first%%$'\n'*}
  expect_eq "${#first}" "39" "length of the fingerprint"
  expect_eq "$(stat -c %a "k/secret-$first.key")" "600" "mode of the secret key"
  expect_eq "$(stat -c %a k)" "700" "mode of the key directory"
  expect_fail "$JZ" keys generate --keys k
  expect_contains "$ERR" "keys rotate"
  expect_ok "$JZ" keys rotate --keys k
  expect_contains "$OUT" "endorsed by $first, now retired"
  [[ ! -e "k/secret-$first.key" ]] || die "the retired secret is still there"
  ok "the retired secret is deleted"
  expect_contains k/keys.json "\"retired\""
  # Beside the database by default.
  expect_ok "$JZ" --db d/jz.db keys generate
  [[ -f d/keys/keys.json ]] || die "no d/keys/keys.json"
  ok "keys/ beside --db"
}

clean() {
  fresh m
  expect_ok "$JZ" verify-mirror m --key "$FP"
  expect_contains "$OUT" "checked 5 files of the manifest of 2024-06-04T08:00:00Z, signed by $FP"
  expect_contains "$OUT" "mirror intact"
  mkdir -p trusted && cp "$FIXTURE/site/keys.json" trusted/
  expect_ok "$JZ" verify-mirror m --keys trusted
  # As typed from a screen: capitals and spaces.
  expect_ok "$JZ" verify-mirror m --key "ZZOD EZRX KJON TYRE ABPZ 63FO U45U TJZK"
  expect_ok "$JZ" verify-mirror "$FIXTURE/site.zip" --key "$FP"
  expect_contains "$OUT" "mirror intact"
  # Unpacked, the bundle is the same mirror.
  mkdir unpacked && (cd unpacked && unzip -q "$FIXTURE/site.zip")
  expect_ok "$JZ" verify-mirror unpacked --key "$FP"
}

tampered() {
  fresh m
  printf 'X' | dd of=m/en/index.html bs=1 seek=10 conv=notrunc status=none
  rm m/static/site.css
  echo '<p>added</p>' >m/en/added.html
  expect_fail "$JZ" verify-mirror m --key "$FP"
  expect_contains "$OUT" "ALTERED en/index.html"
  expect_contains "$OUT" "MISSING static/site.css"
  expect_contains "$OUT" "EXTRA en/added.html"
  expect_contains "$OUT" "3 problem(s)"

  fresh m
  sed -i 's/"size":77/"size":78/' m/manifest.json
  expect_fail "$JZ" verify-mirror m --key "$FP"
  expect_contains "$OUT" "BAD SIGNATURE"

  fresh m
  rm m/manifest.sig
  expect_fail "$JZ" verify-mirror m --key "$FP"
  expect_contains "$OUT" "BAD SIGNATURE there is no manifest.sig"

  fresh m
  expect_ok "$JZ" keys generate --keys other
  local other
  other=$(<"$OUT")
  other=${other#key }
  other=${other%%$'\n'*}
  expect_fail "$JZ" verify-mirror m --key "$other"
  expect_contains "$OUT" "UNKNOWN KEY"
  expect_fail "$JZ" verify-mirror m --keys other
  expect_contains "$OUT" "UNKNOWN KEY"
}

stale() {
  fresh m
  expect_fail "$JZ" verify-mirror m --key "$FP" --not-before 2024-07-01
  expect_contains "$OUT" "STALE manifest of 2024-06-04T08:00:00Z is older than --not-before 2024-07-01T00:00:00Z"
  expect_ok "$JZ" verify-mirror m --key "$FP" --not-before 2024-06-01
  # The state file remembers the newest mirror seen; an older one is stale.
  expect_ok "$JZ" verify-mirror m --key "$FP" --state seen.json
  expect_contains "$OUT" "(state updated)"
  expect_contains seen.json "\"$FP\": \"2024-06-04T08:00:00Z\""
  printf '{"format":"jianzheng-verify-state/1","newest":{"%s":"2024-09-01T00:00:00Z"}}\n' "$FP" >later.json
  expect_fail "$JZ" verify-mirror m --key "$FP" --state later.json
  expect_contains "$OUT" "STALE manifest of 2024-06-04T08:00:00Z is older than 2024-09-01T00:00:00Z"
  expect_contains later.json "2024-09-01T00:00:00Z"
}

bad_input() {
  expect_fail "$JZ" verify-mirror nowhere --key "$FP"
  expect_contains "$ERR" "nowhere: no such directory or bundle"
  echo 'not a zip' >fake.zip
  expect_fail "$JZ" verify-mirror fake.zip --key "$FP"
  expect_contains "$ERR" "fake.zip: cannot read it as a bundle"
  fresh m
  echo '{"format":' >m/manifest.json
  expect_fail "$JZ" verify-mirror m --key "$FP"
  expect_contains "$ERR" "m/manifest.json"
  expect_contains "$ERR" "get the mirror again"
  rm m/manifest.json
  expect_fail "$JZ" verify-mirror m --key "$FP"
  expect_contains "$ERR" "there is no manifest.json"
  # Usage mistakes exit 2.
  local rc=0
  "$JZ" verify-mirror m --key abcd-0000 >"$OUT" 2>"$ERR" || rc=$?
  expect_eq "$rc" "2" "exit status for a malformed --key"
  expect_contains "$ERR" "8 groups of 4"
  rc=0
  "$JZ" --db nodb/jz.db verify-mirror m >"$OUT" 2>"$ERR" || rc=$?
  expect_eq "$rc" "2" "exit status without --key or --keys"
  expect_contains "$ERR" "about page"
  rc=0
  "$JZ" verify-mirror m --key "$FP" --not-before yesterday >"$OUT" 2>"$ERR" || rc=$?
  expect_eq "$rc" "2" "exit status for a bad --not-before"
  expect_fail "$JZ" keys rotate --keys empty-keys
  expect_contains "$ERR" "keys generate"
}

configs() {
  fresh m
  expect_ok "$JZ" mirror-config nginx --root m --port 18089 --out conf/nginx.conf
  [[ -d conf/nginx-state ]] || die "no conf/nginx-state"
  expect_contains conf/nginx.conf "access_log off;"
  expect_ok nginx -t -c "$WORK/conf/nginx.conf" -p "$WORK/conf/nginx-state/"
  expect_ok "$JZ" mirror-config tor --port 18089 --out conf/torrc
  expect_contains conf/torrc "HiddenServicePort 80 127.0.0.1:18089"
  expect_ok tor --verify-config -f conf/torrc
  expect_contains "$OUT" "Configuration was valid"
  expect_fail "$JZ" mirror-config nginx --root m --port 0
  expect_contains "$ERR" "--port 0"
}

section "keys generate and rotate" keys
section "a clean mirror and bundle verify" clean
section "tampering is reported" tampered
section "an old mirror is stale" stale
section "bad input" bad_input
section "server configurations" configs
