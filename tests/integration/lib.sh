# A tiny assertion library for the integration tests. Source it first thing:
#
#   source "$(dirname "$0")/lib.sh"
#
# Each test runs in its own temporary folder ($WORK, also the current directory), removed
# on exit. Every check prints "ok - <what>"; the first failed check prints "not ok - <what>"
# with the details and ends the script with exit 1 -- or, inside `section`, ends only that
# section, and the script goes on and exits 1 at the end.
#
# Needs only bash, coreutils, sqlite3 (and curl for the tests that serve): no grep, python
# or jq.
#
# Environment (set by tests/integration/CMakeLists.txt):
#   JZ           the jianzheng binary
#   JZ_REALDATA  the shared real data folder
#   JZ_SOURCE    the source tree

set -euo pipefail
# Characters, not bytes, for ${#text} when computing expected columns of UTF-8 text.
export LC_ALL=C.UTF-8

: "${JZ:?set JZ to the jianzheng binary (ctest sets it)}"
[[ -x "$JZ" ]] || { echo "not ok - JZ=$JZ is not an executable file" >&2; exit 1; }
JZ=$(cd "$(dirname "$JZ")" && pwd)/$(basename "$JZ")
JZ_REALDATA=${JZ_REALDATA:-}
JZ_SOURCE=${JZ_SOURCE:-}

TEST_NAME=$(basename "$0" .sh)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/jz-it-${TEST_NAME}.XXXXXX")
OUT=$WORK/stdout   # stdout of the last expect_ok / expect_fail
ERR=$WORK/stderr   # stderr of the last expect_ok / expect_fail
CHECKS_FILE=$WORK/.checks  # one line per passed check (sections run in subshells)
FAILED_SECTIONS_FILE=$WORK/.failed-sections
# Processes started in the background by a test (see track_pid); ended on exit.
BACKGROUND_PIDS=()

_lib_cleanup() {
  local rc=$?
  local pid
  local i
  for pid in "${BACKGROUND_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  local checks=0 failed=""
  [[ -f "$CHECKS_FILE" ]] && checks=$(wc -l <"$CHECKS_FILE")
  [[ -f "$FAILED_SECTIONS_FILE" ]] && failed=$(<"$FAILED_SECTIONS_FILE")
  cd /
  rm -rf "$WORK"
  if [[ $rc -eq 0 && -n "$failed" ]]; then
    rc=1
    echo "# $TEST_NAME: $checks checks passed; these sections FAILED:" >&2
    printf '%s\n' "$failed" | while IFS= read -r name; do echo "#   $name" >&2; done
  elif [[ $rc -eq 0 ]]; then
    echo "# $TEST_NAME: $checks checks passed"
  else
    echo "# $TEST_NAME: FAILED after $checks passed checks (exit $rc)" >&2
  fi
  exit "$rc"
}
trap _lib_cleanup EXIT
cd "$WORK"

track_pid() { BACKGROUND_PIDS+=("$1"); }

# ok WHAT: records a passed check.
ok() {
  echo >>"$CHECKS_FILE"
  echo "ok - $*"
}

# section NAME FUNCTION [ARGS...]: runs FUNCTION, a group of checks, in a subshell. When one
# of its checks fails, the rest of the section is skipped, the failure is reported, and the
# script goes on with the next section and exits 1 at the end. For independent cases, so
# that one failure (a bug) does not hide the others.
section() {
  local name=$1
  shift
  echo "# --- $name"
  local rc=0
  set +e
  (
    set -e
    "$@"
  )
  rc=$?
  set -e
  if ((rc != 0)); then
    echo "not ok - section failed: $name" >&2
    echo "$name" >>"$FAILED_SECTIONS_FILE"
  fi
}

# die WHAT [DETAILS...]: fails the test.
die() {
  echo "not ok - $1" >&2
  shift
  local line
  for line in "$@"; do echo "    $line" >&2; done
  exit 1
}

# _indent FILE: the first 40 lines of FILE, indented, on stderr.
_indent() {
  local line n=0
  echo "    --- $(basename "$1") (first 40 lines) ---" >&2
  while IFS= read -r line || [[ -n "$line" ]]; do
    echo "    $line" >&2
    n=$((n + 1))
    ((n < 40)) || break
  done <"$1"
}

_show_output() {
  _indent "$OUT"
  _indent "$ERR"
}

_describe() {
  local s="$*"
  s=${s//"$JZ"/jianzheng}
  s=${s//"$WORK/"/}
  s=${s//"$JZ_REALDATA/"/realdata\/}
  ((${#s} > 160)) && s="${s:0:157}..."
  printf '%s' "$s"
}

# expect_ok CMD...: CMD must exit 0. Its stdout and stderr are kept in $OUT and $ERR.
expect_ok() {
  local rc=0
  "$@" >"$OUT" 2>"$ERR" || rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "not ok - expected success, got exit $rc: $(_describe "$@")" >&2
    _show_output
    exit 1
  fi
  ok "succeeds: $(_describe "$@")"
}

# expect_fail CMD...: CMD must fail cleanly (exit 1 to 125: not 0, and not killed by a
# signal or a sanitizer abort). Its stdout and stderr are kept in $OUT and $ERR.
expect_fail() {
  local rc=0
  "$@" >"$OUT" 2>"$ERR" || rc=$?
  if [[ $rc -eq 0 ]]; then
    echo "not ok - expected failure, got exit 0: $(_describe "$@")" >&2
    _show_output
    exit 1
  fi
  if [[ $rc -gt 125 ]]; then
    echo "not ok - expected a clean failure, got exit $rc (crash or signal): $(_describe "$@")" >&2
    _show_output
    exit 1
  fi
  ok "fails (exit $rc): $(_describe "$@")"
}

# expect_contains FILE TEXT: FILE contains TEXT (a fixed string, not a pattern).
expect_contains() {
  local file=$1 text=$2 content
  [[ -f "$file" ]] || die "expect_contains: no file $file"
  content=$(<"$file")
  if [[ "$content" != *"$text"* ]]; then
    echo "not ok - $(basename "$file") should contain: $text" >&2
    _indent "$file"
    exit 1
  fi
  ok "$(basename "$file") contains: $(_describe "$text")"
}

# expect_not_contains FILE TEXT: FILE does not contain TEXT.
expect_not_contains() {
  local file=$1 text=$2 content
  [[ -f "$file" ]] || die "expect_not_contains: no file $file"
  content=$(<"$file")
  if [[ "$content" == *"$text"* ]]; then
    local line n=0
    while IFS= read -r line || [[ -n "$line" ]]; do
      n=$((n + 1))
      [[ "$line" != *"$text"* ]] || break
    done <"$file"
    ((${#line} <= 300)) || line="${line:0:300}..."
    die "$(basename "$file") should not contain: $text" "found on line $n: $line"
  fi
  ok "$(basename "$file") does not contain: $(_describe "$text")"
}

# expect_eq ACTUAL EXPECTED [WHAT]
expect_eq() {
  local actual=$1 expected=$2 what=${3:-value}
  if [[ "$actual" != "$expected" ]]; then
    die "$what: expected \"$expected\", got \"$actual\""
  fi
  ok "$what = $(_describe "$expected")"
}

# expect_ne ACTUAL UNEXPECTED [WHAT]
expect_ne() {
  local actual=$1 unexpected=$2 what=${3:-value}
  if [[ "$actual" == "$unexpected" ]]; then
    die "$what: expected anything but \"$unexpected\""
  fi
  ok "$what is not $(_describe "$unexpected")"
}

# db_fingerprint DB: a hash of the database's whole content (schema and rows).
db_fingerprint() {
  [[ -f "$1" ]] || die "db_fingerprint: no database $1"
  local dump
  dump=$(sqlite3 "$1" .dump) || die "db_fingerprint: sqlite3 cannot read $1"
  printf '%s\n' "$dump" | sha256sum | cut -d' ' -f1
}

# expect_unchanged DB FINGERPRINT: the database is exactly as when fingerprinted.
expect_unchanged() {
  local now
  now=$(db_fingerprint "$1")
  [[ "$now" == "$2" ]] || die "$(basename "$1") changed although it should not have"
  ok "$(basename "$1") unchanged"
}

# sql DB QUERY: runs QUERY with sqlite3, one row a line, columns joined by |.
sql() {
  sqlite3 -batch -noheader "$1" "$2"
}

# jz DB ARGS...: jianzheng on database DB.
jz() {
  local db=$1
  shift
  "$JZ" --db "$db" "$@"
}

# line_count FILE: lines of FILE, counting a last line without a newline.
line_count() {
  awk 'END { print NR }' "$1"
}

# realdata RELATIVE_PATH: the path of a real data file, or fail clearly when it is missing.
realdata() {
  local path="$JZ_REALDATA/$1"
  [[ -n "$JZ_REALDATA" && -f "$path" ]] ||
    die "real data file $1 not found under JZ_REALDATA=${JZ_REALDATA:-<unset>}"
  printf '%s' "$path"
}

# start_server DB [ARGS...]: runs `jianzheng serve --port 0` in the background (stdout to
# serve.out, stderr to serve.err) and sets SERVER (its pid), PORT and BASE from the line
# "serving on http://127.0.0.1:PORT/" it prints.
start_server() {
  local db=$1
  shift
  : >serve.err
  "$JZ" --db "$db" serve --port 0 "$@" >serve.out 2>serve.err &
  SERVER=$!
  track_pid "$SERVER"
  PORT=""
  local i log
  for ((i = 0; i < 200; i++)); do # polls for at most 10 s
    log=$(<serve.err)
    if [[ "$log" =~ serving\ on\ http://127\.0\.0\.1:([0-9]+)/ ]]; then
      PORT=${BASH_REMATCH[1]}
      break
    fi
    kill -0 "$SERVER" 2>/dev/null || die "serve exited before serving" "$(<serve.err)"
    sleep 0.05
  done
  [[ -n "$PORT" ]] || die "serve did not say where it serves within 10 s" "$(<serve.err)"
  ((PORT > 0)) || die "serve reports port $PORT"
  ok "serving on port $PORT"
  BASE=http://127.0.0.1:$PORT
}

# fetch PATH [CURL ARGS...]: a request to the server start_server started (curl); headers to headers.txt, body to body.html, status to $STATUS.
fetch() {
  local path=$1
  shift
  STATUS=$(curl -sS --max-time 10 -D headers.txt -o body.html -w '%{http_code}' "$@" "$BASE$path") ||
    die "curl $BASE$path failed"
}

# cookie NAME: the value the last fetch's headers set for cookie NAME ("" if none).
cookie() {
  local line value=""
  while IFS= read -r line; do
    line=${line%$'\r'}
    if [[ "$line" == [Ss]et-[Cc]ookie:\ $1=* ]]; then
      value=${line#*: $1=}
      value=${value%%;*}
    fi
  done <headers.txt
  printf '%s' "$value"
}

# log_in NAME PASSWORD: logs in through the form; sets SESSION[NAME] and CSRF[NAME] (the
# token every form of that session sends back).
declare -A SESSION CSRF
log_in() {
  fetch /en/login
  local form_token
  form_token=$(cookie jz_login)
  fetch /en/login -H "Cookie: jz_login=$form_token" --data-urlencode "csrf=$form_token" \
    --data-urlencode "name=$1" --data-urlencode "password=$2"
  expect_eq "$STATUS" "303" "login of $1"
  SESSION[$1]=$(cookie jz_session)
  fetch /en/workspace/ -H "Cookie: jz_session=${SESSION[$1]}"
  local body
  body=$(<body.html)
  body=${body#*name=\"csrf\" value=\"}
  CSRF[$1]=${body:0:64}
}

# as NAME PATH [CURL ARGS...]: fetch with NAME's session.
as() {
  local who=$1 path=$2
  shift 2
  fetch "$path" -H "Cookie: jz_session=${SESSION[$who]}" "$@"
}

# post_as NAME PATH [CURL ARGS...]: a form of NAME's session, with its CSRF token.
post_as() {
  local who=$1 path=$2
  shift 2
  fetch "$path" -H "Cookie: jz_session=${SESSION[$who]}" --data-urlencode "csrf=${CSRF[$who]}" "$@"
}

# location: where the last fetch redirected to (its Location header, without the host).
location() {
  local line
  while IFS= read -r line; do
    line=${line%$'\r'}
    if [[ "$line" == [Ll]ocation:\ * ]]; then printf '%s' "${line#*: }"; fi
  done <headers.txt
}

# stop_server: SIGTERM, then expects exit 0 within 10 s and nothing answering any more.
stop_server() {
  kill -TERM "$SERVER"
  local i rc=0
  for ((i = 0; i < 200; i++)); do # at most 10 s
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.05
  done
  if kill -0 "$SERVER" 2>/dev/null; then
    kill -KILL "$SERVER" 2>/dev/null || true
    die "serve did not stop within 10 s of SIGTERM"
  fi
  wait "$SERVER" || rc=$?
  expect_eq "$rc" "0" "exit status of serve after SIGTERM"
  if curl -sS --max-time 2 -o /dev/null "$BASE/healthz" 2>/dev/null; then
    die "the server still answers after it stopped"
  fi
  ok "nothing answers on port $PORT after the stop"
}
