#!/usr/bin/env bash
# The leak test: nothing that is not public ever reaches a reader.
#
# tests/fixtures/leak-canaries.jsonl puts a canary -- a unique string containing "CANARY" or
# 金丝雀, which no public text contains -- everywhere the public must not look: confidential
# fields of public records (an English name, aliases, home place, health, a citation, a
# link, a facility's conditions report, a case summary, an event's notes), records that are
# restricted or confidential (two persons, a source, an organization, a facility, a topic, a
# case, an event of a public case), a lawyer who asked for confidentiality (written as
# public: the decoder makes it restricted), notes of links that are not public or that point
# at what is not, and citations of a restricted source. Public records point at all of them.
# Then, with `jianzheng serve` on that database:
#   1. a breadth-first crawl of every same-site link, redirect and filter choice from the
#      home pages, in all three languages, and of the read API (every collection, paged,
#      every record id, the search of every kind) -- once as is and once gzipped;
#   2. every hidden record by id, on the site and in the API: a 404 like a missing id's;
#   3. lists and searches filtered by the values only hidden fields and records hold;
#   4. the search, on the page and in the API, for every canary, its code word, every 1 and
#      2 characters of the Chinese ones (Simplified and Traditional) and their pinyin; and
#      "-canary" must not change what is found (it would if the index held one);
#   5. the years only hidden links are dated with: year:Y finds nothing;
#   6. `jianzheng export --public`.
# No canary, id or slug of a hidden record, filter on a hidden value or year of a hidden
# link may appear in any header or body. The public parts of the same records must (the VISIBLE-... strings, the
# names, search hits), so a crawl that sees nothing, or the wrong thing, cannot pass.
#
# Needs bash, coreutils, curl and sqlite3 only (no grep, python or jq): bodies are searched
# with bash patterns, and links found by splitting HTML and JSON on their quotes.
FIXTURE=$(cd "$(dirname "$0")/../fixtures" && pwd)/leak-canaries.jsonl
source "$(dirname "$0")/lib.sh"

command -v curl >/dev/null || die "curl is needed (scripts/debian-packages.txt lists it)"
[[ -f "$FIXTURE" ]] || die "no fixture $FIXTURE"

STARTED=$SECONDS
LANGS=(zh-hans zh-hant en)
COLLECTIONS=(persons cases facilities organizations sources topics)
declare -A SECTION=([p]=persons [c]=cases [f]=facilities [o]=organizations [s]=sources [t]=topics)
# The crawl stops here; it must not, or it did not see everything.
CAP=6000

# --- the canaries, read from the fixture ----------------------------------------------------
# Every JSON string of the fixture holding "canary" (any case: URLs and keys are lower case)
# or 金丝雀 is a canary; every VISIBLE-... word is public text that must be found.
CANARIES=()
VISIBLE=()
declare -A KNOWN=()
while IFS= read -r line || [[ -n "$line" ]]; do
  IFS='"' read -r -a parts <<<"$line"
  for p in "${parts[@]}"; do
    if [[ "${p,,}" == *canary* || "$p" == *金丝雀* ]]; then
      [[ -n "${KNOWN[$p]+x}" ]] || CANARIES+=("$p")
      KNOWN[$p]=1
    elif [[ "$p" == *VISIBLE-* ]]; then
      p=VISIBLE-${p#*VISIBLE-}
      p=${p%%[^A-Z0-9-]*}
      [[ -n "${KNOWN[$p]+x}" ]] || VISIBLE+=("$p")
      KNOWN[$p]=1
    fi
  done
done <"$FIXTURE"
((${#CANARIES[@]} >= 60)) || die "only ${#CANARIES[@]} canaries read from the fixture"
((${#VISIBLE[@]} >= 15)) || die "only ${#VISIBLE[@]} VISIBLE- strings read from the fixture"
ok "${#CANARIES[@]} canaries and ${#VISIBLE[@]} public VISIBLE- strings in the fixture"

# The Chinese canaries are 金丝雀 and two characters; their pinyin, for the search. The
# characters appear in no public text of the fixture, so any search for 1 or 2 of them must
# find nothing. (zh-Hant pages show 丝 as 絲 and 机 as 機: OpenCC s2tw.)
declare -A PINYIN=([琥珀]="hu po" [机密甲]="ji mi jia" [翡翠]="fei cui" [麒麟]="qi lin"
  [蟾蜍]="chan chu" [蜘蛛]="zhi zhu" [貔貅]="pi xiu" [饕餮]="tao tie" [蟋蟀]="xi shuai"
  [松鼠]="song shu" [蜻蜓]="qing ting" [犀牛]="xi niu" [螳螂]="tang lang" [蝙蝠]="bian fu"
  [蚯蚓]="qiu yin" [蝌蚪]="ke dou" [蜥蜴]="xi yi" [草稿]="cao gao")
traditional() { TRAD=${1//丝/絲}; TRAD=${TRAD//机/機}; }

# --- the database ---------------------------------------------------------------------------
DB=$WORK/leak.db
expect_ok jz "$DB" init
expect_ok jz "$DB" import --format jsonl "$FIXTURE"
RECORDS=$(line_count "$FIXTURE")
expect_contains "$OUT" "$RECORDS records created"
mapfile -t HIDDEN_IDS < <(sql "$DB" "SELECT id FROM records WHERE visibility <> 'public' ORDER BY id")
mapfile -t HIDDEN_SLUGS < <(sql "$DB" "SELECT slug FROM records WHERE visibility <> 'public' ORDER BY id")
mapfile -t PUBLIC_IDS < <(sql "$DB" "SELECT id FROM records WHERE visibility = 'public' ORDER BY id")
expect_eq "${#HIDDEN_IDS[@]}" 9 "restricted and confidential records (one a lawyer who asked for confidentiality)"
P1=p7k00000p01 # 赵明远: public, with most of its fields confidential
P2=p7k00000p02 # 钱文华: public, linking to hidden records; her health is public
CASE1=c7k00000p01

# Markers, in lower case: a body or header holding one of them leaks. Besides the canaries'
# common parts: the ids and slugs of hidden records (a link to one is a leak too; one slug
# is set in the fixture and holds no canary), and filters on values that only hidden
# fields and records have (a list or search offering them would count hidden records).
HIDDEN_FACETS=(status=disappeared status=appeal province=tibet province=ningxia
  group=petitioner group=religious_believer type=black_jail type=ngo type=testimony reliability=c)
MARKERS=(canary 金丝雀 金絲雀)
for v in "${HIDDEN_IDS[@]}" "${HIDDEN_SLUGS[@]}"; do MARKERS+=("${v,,}"); done
FACET_MARKERS=()
for v in "${HIDDEN_FACETS[@]}"; do
  FACET_MARKERS+=("$v" "value=\"${v#*=}\"" "\"value\":\"${v#*=}\"")
done
# Years that only hidden links are dated with: a public link to a restricted person (1931),
# a restricted link (1932), a link hidden by a confidential pointer (1933). The search API
# lists the years of what it finds as facets.
HIDDEN_YEARS=(1931 1932 1933)
for v in "${HIDDEN_YEARS[@]}"; do FACET_MARKERS+=("\"value\":\"$v\""); done
# The same as extended regular expressions (alternatives, special characters escaped).
regex_of() {
  local m i c
  REGEX=""
  for m in "$@"; do
    REGEX+=${REGEX:+|}
    for ((i = 0; i < ${#m}; i++)); do
      c=${m:i:1}
      case "$c" in
        "[" | "]" | "\\" | . | "*" | "^" | "$" | "(" | ")" | + | "?" | "{" | "}" | "|") REGEX+="\\$c" ;;
        *) REGEX+=$c ;;
      esac
    done
  done
}
regex_of "${MARKERS[@]}"
MARKER_RE=$REGEX
regex_of "${MARKERS[@]}" "${FACET_MARKERS[@]}"
ANY_MARKER_RE=$REGEX
ok "markers: ${#MARKERS[@]} strings, ${#FACET_MARKERS[@]} hidden filter values"

# --- helpers --------------------------------------------------------------------------------
LEAKS=$WORK/leaks.txt       # one line per leak: where, what
PROBLEMS=$WORK/problems.txt # one line per other failure of the crawl
: >"$LEAKS"
: >"$PROBLEMS"

problem() { printf '%s\n' "$*" >>"$PROBLEMS"; }

# leak WHERE MARKER TEXT: records a leak, with the text around it and which canary it is.
leak() {
  local where=$1 marker=$2 text=$3 before at c which=""
  local LC_ALL=C
  before=${text%%"$marker"*}
  at=${#before}
  for c in "${CANARIES[@]}"; do
    traditional "$c"
    [[ "$text" != *"${c,,}"* && "$text" != *"$TRAD"* ]] || which+=" $c"
  done
  text=${text:$((at > 80 ? at - 80 : 0)):200}
  printf 'LEAK %s: "%s"%s ... %s ...\n' "$where" "$marker" "${which:+ (canary$which)}" \
    "${text//$'\n'/ }" >>"$LEAKS"
}

# scan WHERE FILE [ECHO...]: FILE holds no marker (ASCII letters in any case). Each ECHO --
# what the request itself asked for, which a search page or an error repeats -- is removed
# first. With FACETS=1 (the default) the hidden filter values count too.
scan() {
  local where=$1 file=$2 text m e
  shift 2
  local LC_ALL=C # bytes: fast, and only ASCII is lowered
  [[ -s "$file" ]] || return 0
  text=$(<"$file")
  text=${text,,}
  for e in "$@"; do
    [[ -z "$e" ]] || text=${text//"${e,,}"/}
  done
  # One regular expression first: six times faster than a pattern per marker.
  if [[ "${FACETS:-1}" == 1 ]]; then
    [[ "$text" =~ $ANY_MARKER_RE ]] || return 0
  else
    [[ "$text" =~ $MARKER_RE ]] || return 0
  fi
  for m in "${MARKERS[@]}"; do
    [[ "$text" != *"$m"* ]] || leak "$where" "$m" "$text"
  done
  if [[ "${FACETS:-1}" == 1 ]]; then
    for m in "${FACET_MARKERS[@]}"; do
      [[ "$text" != *"$m"* ]] || leak "$where" "$m" "$text"
    done
  fi
}

# urlencode TEXT: TEXT percent-encoded byte by byte, in ENCODED.
urlencode() {
  local LC_ALL=C s=$1 i c
  ENCODED=""
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      [a-zA-Z0-9._~-]) ENCODED+=$c ;;
      *)
        printf -v c '%%%02X' "'$c"
        ENCODED+=$c
        ;;
    esac
  done
}

# fetch_all DIR [--compressed] PATH...: GETs every PATH in order with one curl, over one
# kept-alive connection (a curl per request would spend the test starting processes). The
# i-th answer's body is DIR/i.body, its headers DIR/i.head, its status CODES[i] (000: no
# answer). Without --compressed curl sends no Accept-Encoding, so bodies come as they are;
# with it, curl asks for gzip and decompresses.
fetch_all() {
  local dir=$1 compressed="" i=0 path
  shift
  if [[ "${1:-}" == --compressed ]]; then
    compressed=1
    shift
  fi
  mkdir -p "$dir"
  {
    for path in "$@"; do
      ((i == 0)) || echo next
      printf 'url = "%s"\noutput = "%s/%d.body"\ndump-header = "%s/%d.head"\n' \
        "$BASE$path" "$dir" "$i" "$dir" "$i"
      printf 'globoff\nmax-time = 10\nwrite-out = "%%{http_code}\\n"\n'
      [[ -z "$compressed" ]] || echo compressed
      i=$((i + 1))
    done
  } >"$dir.curl"
  mapfile -t CODES < <(curl -sS -K "$dir.curl" 2>"$dir.err" || true)
  ((${#CODES[@]} == $#)) || die "curl gave ${#CODES[@]} answers for $# requests" "$(<"$dir.err")"
  for ((i = 0; i < $#; i++)); do
    [[ -f "$dir/$i.body" ]] || : >"$dir/$i.body"
    [[ -f "$dir/$i.head" ]] || : >"$dir/$i.head"
  done
  # Counted in a file: sections run in subshells.
  i=0
  for path in "$@"; do
    [[ "$path" != /api/* ]] || i=$((i + 1))
  done
  echo "$# $i" >>"$WORK/requests.log"
}

# headers_of FILE: CTYPE, LOCATION and ENCODING from the headers in FILE ("" when absent).
headers_of() {
  local line name
  CTYPE="" LOCATION="" ENCODING=""
  while IFS= read -r line || [[ -n "$line" ]]; do
    line=${line%$'\r'}
    name=${line%%:*}
    case "${name,,}" in
      content-type) CTYPE=${line#*: } ;;
      location) LOCATION=${line#*: } ;;
      content-encoding) ENCODING=${line#*: } ;;
    esac
  done <"$1"
}

# unescape TEXT: TEXT with HTML's character references undone, in UNESCAPED.
unescape() {
  local s=$1
  s=${s//&#x2F;/\/}
  s=${s//&#47;/\/}
  s=${s//&#x3D;/=}
  s=${s//&#61;/=}
  s=${s//&#39;/\'}
  s=${s//&#x27;/\'}
  s=${s//&quot;/\"}
  s=${s//&lt;/<}
  s=${s//&gt;/>}
  UNESCAPED=${s//&amp;/"&"}
}

# --- the crawl ----------------------------------------------------------------------------
declare -A QUEUED=() # every path queued, once
declare -A PARENT=() # where it was found
NEXT=()              # the next level of the crawl
EXTERNAL=0           # links to other sites, not followed

# queue PATH FROM
queue() {
  local path=$1
  if [[ "$path" == *[\"\\[:space:][:cntrl:]]* ]]; then
    problem "an odd link on $2: '$path'"
    return 0
  fi
  [[ -z "${QUEUED[$path]+x}" ]] || return 0
  QUEUED[$path]=1
  PARENT[$path]=$2
  NEXT+=("$path")
}

# link FROM HREF: queues the target of HREF, as found on page FROM, when it is on this site.
link() {
  local from=$1 h
  unescape "$2"
  h=${UNESCAPED%%#*}
  case "$h" in
    "") return 0 ;; # a place on the same page
    //* | *://* | mailto:* | tel:*)
      EXTERNAL=$((EXTERNAL + 1))
      return 0
      ;;
    /*) ;;
    \?*) h=${from%%\?*}$h ;;
    *)
      h=${from%%\?*}
      h=${h%/*}/${UNESCAPED%%#*}
      ;;
  esac
  queue "$h" "$from"
}

# html_links PATH FILE: queues the links of the page, and each choice of its filter form as
# the browser would submit it (the other selects keeping their selected value).
html_links() {
  local from=$1 file=$2 k prev v action="" j q n
  local -a P=() names=() current=() opt_of=() opt_value=()
  local LC_ALL=C
  IFS='"' read -r -d '' -a P <"$file" || true
  for ((k = 1; k < ${#P[@]}; k += 2)); do
    prev=${P[k - 1]}
    ((${#prev} <= 16)) || prev=${prev: -16} # only the attribute's name matters
    v=${P[k]}
    case "$prev" in
      *" href=") link "$from" "$v" ;;
      *" src=") link "$from" "$v" ;;
      *" action=")
        unescape "$v"
        action=$UNESCAPED
        ;;
      *"<select name=")
        names+=("$v")
        current+=("")
        ;;
      *"<option value=")
        n=$((${#names[@]} - 1))
        ((n >= 0)) || continue
        [[ "${P[k + 1]:-}" != " selected"* ]] || current[n]=$v
        if [[ -n "$v" ]]; then
          opt_of+=("$n")
          opt_value+=("$v")
        fi
        ;;
    esac
  done
  for ((k = 0; k < ${#opt_value[@]}; k++)); do
    q=""
    for ((j = 0; j < ${#names[@]}; j++)); do
      v=${current[j]}
      ((j != opt_of[k])) || v=${opt_value[k]}
      [[ -z "$v" ]] || q+="${q:+&}${names[j]}=$v"
    done
    link "$from" "${action:-${from%%\?*}}?$q"
  done
}

# json_links PATH FILE: queues the "next", "prev" and "href" of an API answer, and the API
# record of every record id in it.
json_links() {
  local from=$1 file=$2 k v
  local -a P=()
  local LC_ALL=C
  IFS='"' read -r -d '' -a P <"$file" || true
  for ((k = 1; k < ${#P[@]}; k += 2)); do
    v=${P[k]}
    if ((k >= 3)) && [[ "${P[k - 1]}" == : ]]; then
      case "${P[k - 2]}" in
        next | prev | href) link "$from" "$v" ;;
      esac
    fi
    # (Not the examples of the API's description.)
    if [[ "$from" != /api/v1/openapi.json && "$v" =~ ^[pcfost][0-9abcdefghjkmnpqrstvwxyz]{10}$ ]]; then
      queue "/api/v1/${SECTION[${v:0:1}]}/$v" "$from"
    fi
  done
}

start_server "$DB"

# Drafts waiting for review are not public either: a new person and a change to a public
# one, each with a canary, written through the workspace and submitted.
expect_ok jz "$DB" user add ana --role researcher <<<"correct horse battery staple"
log_in ana "correct horse battery staple"
post_as ana /en/workspace/new/person --data-urlencode "/body/name/en=CANARY-DRAFT-NEW-PERSON" \
  --data-urlencode "/visibility=public" --data-urlencode "reason=r" --data-urlencode "action=submit"
expect_eq "$STATUS" "303" "a new person's draft"
EDITED=$(sql "$DB" "SELECT id FROM records WHERE kind = 'person' AND visibility = 'public' ORDER BY id LIMIT 1")
post_as ana "/en/workspace/records/$EDITED/edit"
post_as ana "$(location)" --data-urlencode "/body/name/en=CANARY-DRAFT-EDIT" \
  --data-urlencode "/body/name/zh=金丝雀草稿" --data-urlencode "/visibility=public" \
  --data-urlencode "reason=r" --data-urlencode "action=submit"
expect_eq "$STATUS" "303" "a change's draft"
expect_eq "$(sql "$DB" "SELECT count(*) FROM drafts WHERE state = 'in_review'")" "2" "drafts in review"
CANARIES+=(CANARY-DRAFT-NEW-PERSON CANARY-DRAFT-EDIT 金丝雀草稿)

for l in "${LANGS[@]}"; do
  queue "/$l/" "(start)"
  for c in "${COLLECTIONS[@]}"; do queue "/$l/$c/" "(start)"; done
  for p in links about search "search?q=listed" "search?q=%E8%B5%B5%E6%98%8E%E8%BF%9C"; do
    queue "/$l/$p" "(start)"
  done
done
queue / "(start)"
queue /api/v1/openapi.json "(start)"
queue "/api/v1/search?q=listed&per_page=10" "(start)"
queue "/api/v1/search?q=%E8%B5%B5%E6%98%8E%E8%BF%9C" "(start)"
# Every public record through the search API too, with the facets of each kind.
for k in person case event facility organization source topic; do
  queue "/api/v1/search?q=kind%3A$k&per_page=100" "(start)"
done
for c in "${COLLECTIONS[@]}"; do
  queue "/api/v1/$c" "(start)"
  queue "/api/v1/$c?per_page=7" "(start)"
done
# The read API of every public record of the fixture (events have no collection). Hidden
# ones are asked for below, where a 404 is expected.
for id in "${PUBLIC_IDS[@]}"; do
  [[ "$id" == e* ]] || queue "/api/v1/${SECTION[${id:0:1}]}/$id" "(fixture)"
done

CRAWLED=()      # paths answered 200, in order
CRAWLED_BODY=() # and their bodies
declare -A CRAWLED_SET=()
declare -A VISIBLE_SEEN=() # VISIBLE- strings seen on an English page
HTML=0 JSON=0 REDIRECTS=0 OTHER=0 LEVEL=0 CAPPED=0
while ((${#NEXT[@]} > 0)); do
  if ((${#CRAWLED[@]} + REDIRECTS + ${#NEXT[@]} > CAP)); then
    CAPPED=1
    break
  fi
  batch=("${NEXT[@]}")
  NEXT=()
  dir=crawl/$LEVEL
  fetch_all "$dir" "${batch[@]}"
  for ((i = 0; i < ${#batch[@]}; i++)); do
    path=${batch[i]}
    code=${CODES[i]}
    headers_of "$dir/$i.head"
    scan "$path (headers)" "$dir/$i.head"
    if [[ "$path" == /static/* || "$path" == /api/v1/openapi.json ]]; then
      # The stylesheet and the API's description list every vocabulary value.
      FACETS=0 scan "$path" "$dir/$i.body"
    else
      scan "$path" "$dir/$i.body"
    fi
    [[ -z "$ENCODING" ]] || problem "$path: Content-Encoding $ENCODING to a request without Accept-Encoding"
    case "$code" in
      301 | 302 | 303 | 307 | 308)
        REDIRECTS=$((REDIRECTS + 1))
        link "$path" "$LOCATION"
        continue
        ;;
      200) ;;
      *)
        problem "$path: status $code (found on ${PARENT[$path]})"
        continue
        ;;
    esac
    CRAWLED+=("$path")
    CRAWLED_BODY+=("$dir/$i.body")
    CRAWLED_SET[$path]=1
    case "$CTYPE" in
      text/html*)
        HTML=$((HTML + 1))
        html_links "$path" "$dir/$i.body"
        if [[ "$path" == /en/* ]]; then
          text=$(<"$dir/$i.body")
          for v in "${VISIBLE[@]}"; do
            [[ "$text" != *"$v"* ]] || VISIBLE_SEEN[$v]=1
          done
        fi
        ;;
      application/json*)
        JSON=$((JSON + 1))
        json_links "$path" "$dir/$i.body"
        ;;
      *) OTHER=$((OTHER + 1)) ;;
    esac
  done
  LEVEL=$((LEVEL + 1))
done
SUMMARY="crawled ${#CRAWLED[@]} pages in $LEVEL levels ($HTML HTML, $JSON JSON, $OTHER other) and $REDIRECTS redirects; $EXTERNAL links to other sites not followed"
echo "# $SUMMARY"

crawl_found_nothing() {
  if [[ -s "$LEAKS" ]]; then
    _indent "$LEAKS"
    die "the crawl found $(line_count "$LEAKS") leaks (above)"
  fi
  ok "$SUMMARY: no canary, hidden id, slug or filter value in any header or body"
}
section "crawl: no canary anywhere" crawl_found_nothing

crawl_saw_everything() {
  local id l v missing=""
  ((CAPPED == 0)) || die "the crawl stopped at $CAP requests: raise CAP"
  [[ ! -s "$PROBLEMS" ]] || {
    _indent "$PROBLEMS"
    die "the crawl met $(line_count "$PROBLEMS") problems (above)"
  }
  ok "every link answered 200 or a redirect, no identity response was encoded"
  # Nearly 70 public records in three languages, their lists, filters and pages, and the API.
  ((${#CRAWLED[@]} >= 600)) || die "only ${#CRAWLED[@]} pages crawled; expected over 600"
  ok "${#CRAWLED[@]} pages crawled (at least 600)"
  # Every public record's page in every language was reached by links alone.
  for id in "${PUBLIC_IDS[@]}"; do
    [[ "$id" != e* ]] || continue
    for l in "${LANGS[@]}"; do
      [[ -n "${CRAWLED_SET[/$l/${SECTION[${id:0:1}]}/$id]+x}" ]] || missing+=" /$l/${SECTION[${id:0:1}]}/$id"
    done
  done
  [[ -z "$missing" ]] || die "the crawl did not reach:$missing"
  ok "the crawl reached the page of every public record in every language"
  for v in "/en/persons/?page=2" "/zh-hant/persons/?page=2" "/en/search?q=listed&page=2" \
    "/en/persons/?status=detained" "/en/persons/?status=detained&province=hubei" \
    "/zh-hans/cases/?topic=t7k00000p01" "/en/facilities/?province=hubei" \
    "/api/v1/persons?per_page=7&page=9" /zh-hant/links /en/about /en/lawyers /zh-hant/lawyers; do
    [[ -n "${CRAWLED_SET[$v]+x}" ]] || die "the crawl did not reach $v"
  done
  ok "the crawl reached list pages, filters, search pages and API pages"
  for v in "${VISIBLE[@]}"; do
    [[ -n "${VISIBLE_SEEN[$v]+x}" ]] || missing+=" $v"
  done
  [[ -z "$missing" ]] || die "public text not seen on any English page:$missing"
  ok "every VISIBLE- string of the fixture is on an English page"
}
section "crawl: every public page, and the public parts shown" crawl_saw_everything

# --- the same pages gzipped ---------------------------------------------------------------
# A gzip answer is a separate body in the page cache: decompressed, it must be the page.
gzipped() {
  local i gz=0 differ=""
  : >"$LEAKS"
  fetch_all gz --compressed "${CRAWLED[@]}"
  for ((i = 0; i < ${#CRAWLED[@]}; i++)); do
    [[ "${CODES[i]}" == 200 ]] || die "${CRAWLED[i]} gzipped: status ${CODES[i]}"
    headers_of "gz/$i.head"
    [[ "$ENCODING" != gzip ]] || gz=$((gz + 1))
    if [[ "${CRAWLED[i]}" == /static/* || "${CRAWLED[i]}" == /api/v1/openapi.json ]]; then
      FACETS=0 scan "${CRAWLED[i]} (gzip)" "gz/$i.body"
    else
      scan "${CRAWLED[i]} (gzip)" "gz/$i.body"
    fi
    [[ "$(<"gz/$i.body")" == "$(<"${CRAWLED_BODY[i]}")" ]] || differ+=" ${CRAWLED[i]}"
  done
  if [[ -s "$LEAKS" ]]; then
    _indent "$LEAKS"
    die "gzipped answers leak (above)"
  fi
  ((gz * 2 > ${#CRAWLED[@]})) || die "only $gz of ${#CRAWLED[@]} answers were gzipped"
  [[ -z "$differ" ]] || die "gzipped answers differ from the identity ones:$differ"
  ok "${#CRAWLED[@]} pages again with Accept-Encoding ($gz gzipped): the same bodies, no canary"
}
section "gzip: no canary in compressed answers" gzipped

# --- hidden records by id: 404, exactly as a missing record ---------------------------------
hidden_by_id() {
  local id paths=() missing=() i a b
  : >"$LEAKS"
  for id in "${HIDDEN_IDS[@]}"; do
    # A made-up id of the same kind that does not exist.
    local none=${id:0:1}zzzzzzzzz9
    if [[ "$id" != e* ]]; then
      for l in "${LANGS[@]}"; do
        paths+=("/$l/${SECTION[${id:0:1}]}/$id")
        missing+=("/$l/${SECTION[${id:0:1}]}/$none")
      done
      paths+=("/api/v1/${SECTION[${id:0:1}]}/$id")
      missing+=("/api/v1/${SECTION[${id:0:1}]}/$none")
    fi
    # Under every other collection too: no kind may show it.
    for c in "${COLLECTIONS[@]}"; do
      paths+=("/api/v1/$c/$id")
      missing+=("/api/v1/$c/$none")
    done
  done
  fetch_all hidden "${paths[@]}"
  local codes=("${CODES[@]}")
  fetch_all missing "${missing[@]}"
  for ((i = 0; i < ${#paths[@]}; i++)); do
    [[ "${codes[i]}" == 404 ]] || die "${paths[i]}: status ${codes[i]}, expected 404"
    id=${paths[i]##*/}
    scan "${paths[i]} (headers)" "hidden/$i.head"
    scan "${paths[i]}" "hidden/$i.body" "$id" # the API's message names the id asked for
    a=$(<"hidden/$i.body")
    b=$(<"missing/$i.body")
    [[ "${a//$id/ID}" == "${b//${missing[i]##*/}/ID}" ]] ||
      die "${paths[i]}: the 404 differs from that of a missing id" "$a" "$b"
  done
  if [[ -s "$LEAKS" ]]; then
    _indent "$LEAKS"
    die "404 pages of hidden records leak (above)"
  fi
  ok "${#paths[@]} requests for hidden records by id: 404, the same as for a missing id, no canary"
}
section "hidden records by id" hidden_by_id

# --- filters on hidden values ---------------------------------------------------------------
# Values that only hidden fields or records hold select nothing, on lists and in the search.
hidden_values() {
  local i v u body
  # Each a list filtered by a value only hidden fields or records have: 200 and no record.
  local paths=("/en/persons/?status=disappeared" "/zh-hant/persons/?status=disappeared"
    "/en/persons/?province=tibet" "/en/persons/?province=ningxia" "/en/persons/?group=petitioner"
    "/zh-hans/persons/?group=religious_believer" "/en/cases/?status=appeal"
    "/en/facilities/?type=black_jail" "/en/facilities/?province=tibet"
    "/en/organizations/?type=ngo" "/en/organizations/?province=tibet"
    "/en/sources/?type=testimony" "/en/sources/?reliability=C")
  : >"$LEAKS"
  fetch_all values "${paths[@]}"
  for ((i = 0; i < ${#paths[@]}; i++)); do
    [[ "${CODES[i]}" == 200 ]] || die "${paths[i]}: status ${CODES[i]}"
    [[ "$(<"values/$i.body")" != *'class="records"'* ]] || die "${paths[i]} lists records"
    scan "${paths[i]}" "values/$i.body" "${paths[i]#*\?}" # the URL repeats the filter
  done
  ok "${#paths[@]} lists filtered by hidden values: empty"

  # A hidden topic is refused as a filter exactly as a topic that does not exist.
  fetch_all topic "/en/cases/?topic=t7k00000c01" "/en/cases/?topic=tzzzzzzzzz9" \
    "/en/search?q=listed&topic=t7k00000c01" "/en/search?q=listed&topic=tzzzzzzzzz9"
  for i in 0 2; do
    [[ "${CODES[i]}" == 400 ]] || die "a filter on the hidden topic: status ${CODES[i]}"
    body=$(<"topic/$i.body")
    v=$(<"topic/$((i + 1)).body")
    [[ "${body//t7k00000c01/ID}" == "${v//tzzzzzzzzz9/ID}" ]] ||
      die "a filter on the hidden topic is answered unlike one on a missing topic"
    scan "filter on the hidden topic" "topic/$i.body" t7k00000c01
  done
  ok "a filter on the hidden topic is refused like one on a missing topic"

  # The search's field filters, and the kinds that include hidden records.
  paths=()
  for v in province:ningxia province:tibet status:disappeared status:appeal; do
    urlencode "$v"
    paths+=("/api/v1/search?q=$ENCODED" "/en/search?q=$ENCODED")
  done
  paths+=("/en/search?q=listed&province=tibet" "/en/search?q=listed&status=disappeared")
  # (The crawl reads the same in the API: /api/v1/search?q=kind:...)
  for v in topic source organization facility case person event; do
    urlencode "kind:$v"
    paths+=("/en/search?q=$ENCODED")
  done
  fetch_all values-search "${paths[@]}"
  for ((i = 0; i < ${#paths[@]}; i++)); do
    [[ "${CODES[i]}" == 200 ]] || die "${paths[i]}: status ${CODES[i]}"
    body=$(<"values-search/$i.body")
    v=${paths[i]#*q=}
    if [[ "$v" != kind* ]]; then
      if [[ "${paths[i]}" == /api/* ]]; then
        [[ "$body" == *'"total":0'* ]] || echo "FOUND ${paths[i]}: ${body:0:300}" >>"$LEAKS"
      else
        [[ "$body" != *'class="hits"'* ]] || echo "FOUND ${paths[i]}: the page lists hits" >>"$LEAKS"
      fi
    fi
    # The filter the URL names, repeated in the links to the other languages and in the
    # form (a hidden field).
    u=${v#*&}
    scan "${paths[i]}" "values-search/$i.body" "$u" "name=\"${u%%=*}\" value=\"${u#*=}\""
  done
  if [[ -s "$LEAKS" ]]; then
    _indent "$LEAKS"
    die "filters on hidden values leak (above)"
  fi
  ok "searches by hidden field values find nothing; kind: searches show no hidden record"
}
section "filters on hidden values" hidden_values

# --- the search for every canary ------------------------------------------------------------
QUERIES=()
declare -A ASKED=()
ask() {
  [[ -n "${ASKED[$1]+x}" ]] && return 0
  ASKED[$1]=1
  QUERIES+=("$1")
}
for c in "${CANARIES[@]}"; do
  # A URL would read as a field ("https:"): ask for it as a phrase.
  if [[ "$c" == *[:/]* ]]; then ask "\"$c\""; else ask "$c"; fi
  code=${c##*-}
  [[ ! "$code" =~ ^[0-9][A-Z][0-9]$ ]] || ask "$code" # the word only this canary has
  if [[ "$c" == 金丝雀* ]]; then
    traditional "$c"
    ask "$TRAD"
    for s in "$c" "$TRAD"; do
      for ((i = 0; i < ${#s}; i++)); do
        ask "${s:i:1}"
        ((i + 1 >= ${#s})) || ask "${s:i:2}"
      done
    done
    syllables=${PINYIN[${c#金丝雀}]:-}
    [[ -n "$syllables" ]] || die "no pinyin for the canary $c: add it to PINYIN"
    ask "jin si que $syllables"
    ask "jinsique${syllables// /}"
    ask "${syllables// /}"
  fi
done
ask canary
ask jinsique
for id in "${HIDDEN_IDS[@]}"; do ask "$id"; done

# total_of FILE: meta.total of an API search answer, in TOTAL ("" if none).
total_of() {
  TOTAL=$(<"$1")
  if [[ "$TOTAL" == *'"total":'* ]]; then
    TOTAL=${TOTAL#*\"total\":}
    TOTAL=${TOTAL%%[^0-9]*}
  else
    TOTAL=""
  fi
}

search_finds_nothing() {
  local q paths=() i l body k w
  : >"$LEAKS"
  for q in "${QUERIES[@]}"; do
    urlencode "$q"
    for l in "${LANGS[@]}"; do paths+=("/$l/search?q=$ENCODED"); done
    paths+=("/api/v1/search?q=$ENCODED" "/api/v1/search?q=$ENCODED&lang=zh-hant")
  done
  fetch_all search "${paths[@]}"
  for ((i = 0; i < ${#paths[@]}; i++)); do
    q=${QUERIES[i / 5]} # five requests per query
    [[ "${CODES[i]}" == 200 ]] || die "${paths[i]} (q=$q): status ${CODES[i]} (the query must be valid to prove anything)"
    body=$(<"search/$i.body")
    if [[ "${paths[i]}" == /api/* ]]; then
      [[ "$body" == *'"data":[]'* && "$body" == *'"total":0'* ]] ||
        echo "FOUND ${paths[i]} (q=$q): ${body:0:300}" >>"$LEAKS"
    else
      [[ "$body" != *'class="hits"'* ]] || echo "FOUND ${paths[i]} (q=$q): the page lists hits" >>"$LEAKS"
    fi
    # The page repeats the query: in its box and title (quotes escaped), in its links to
    # the other languages (percent-encoded). Removing it may cut a canary in the body
    # short, but a canary can only be in the body of a hit, which is checked above.
    urlencode "$q"
    scan "${paths[i]}" "search/$i.body" "$q" "${q//\"/}" "$ENCODED"
  done
  if [[ -s "$LEAKS" ]]; then
    _indent "$LEAKS"
    die "$(line_count "$LEAKS") searches find or show a canary (above)"
  fi
  ok "${#QUERIES[@]} searches for canaries, their words, 1 and 2 characters and pinyin, on 3 pages and the API: nothing found (${#paths[@]} requests)"

  # Leaving a word out must not change what is found: if the index held a canary of a
  # public record, "-canary" would drop that record without ever showing it.
  paths=()
  for k in person case event facility organization source topic; do
    for w in "" canary 金丝雀 jinsique; do
      urlencode "kind:$k${w:+ -$w}"
      paths+=("/api/v1/search?q=$ENCODED&per_page=1")
    done
  done
  fetch_all exclude "${paths[@]}"
  for ((i = 0; i < ${#paths[@]}; i += 4)); do
    total_of "exclude/$i.body"
    [[ "${CODES[i]}" == 200 && -n "$TOTAL" ]] || die "${paths[i]}: status ${CODES[i]}, no total"
    for ((k = i + 1; k < i + 4; k++)); do
      local base=$TOTAL
      total_of "exclude/$k.body"
      [[ "${CODES[k]}" == 200 && "$TOTAL" == "$base" ]] ||
        echo "FOUND ${paths[k]}: status ${CODES[k]}, $TOTAL records instead of $base" >>"$LEAKS"
      TOTAL=$base
    done
  done
  if [[ -s "$LEAKS" ]]; then
    _indent "$LEAKS"
    die "leaving a canary out changes what is found: the index holds it (above)"
  fi
  ok "kind:... -canary, -金丝雀 and -jinsique find as many records as kind:... alone"

  # The command line searches the same index.
  for q in canary 金丝雀 jinsique CANARY-CONF-HEALTH-7Q2 "$P1"; do
    expect_ok jz "$DB" search "$q"
    [[ ! -s "$OUT" ]] || die "jianzheng search $q finds: $(<"$OUT")"
  done
  ok "jianzheng search finds no canary either"
}
section "search: no canary, no piece of one" search_finds_nothing

# --- the dates of hidden links ----------------------------------------------------------------
# A link that is not shown must not date its record either: year:Y finds nothing for the
# HIDDEN_YEARS, on the page, in the API and on the command line.
hidden_link_years() {
  local y paths=() i body
  : >"$LEAKS"
  for y in "${HIDDEN_YEARS[@]}"; do
    paths+=("/api/v1/search?q=year%3A$y" "/en/search?q=year%3A$y" "/en/search?q=kind%3Aperson&from=$y&to=$y")
  done
  fetch_all years "${paths[@]}"
  for ((i = 0; i < ${#paths[@]}; i++)); do
    [[ "${CODES[i]}" == 200 ]] || die "${paths[i]}: status ${CODES[i]}"
    body=$(<"years/$i.body")
    if [[ "${paths[i]}" == /api/* ]]; then
      [[ "$body" == *'"total":0'* ]] || echo "FOUND ${paths[i]}: ${body:0:300}" >>"$LEAKS"
    else
      [[ "$body" != *'class="hits"'* ]] || echo "FOUND ${paths[i]}: the page lists hits" >>"$LEAKS"
    fi
  done
  for y in "${HIDDEN_YEARS[@]}"; do
    expect_ok jz "$DB" search "year:$y"
    [[ ! -s "$OUT" ]] || echo "FOUND jianzheng search year:$y: $(<"$OUT")" >>"$LEAKS"
  done
  if [[ -s "$LEAKS" ]]; then
    _indent "$LEAKS"
    die "the year of a hidden link finds its record (above)"
  fi
  ok "year:${HIDDEN_YEARS[*]// /, year:} find nothing"
}
section "the dates of hidden links" hidden_link_years

# --- positive controls: the public parts of the same records are there -------------------------
# The same fetches that find no canary find the public name, aliases and notes of the very
# records that hide them, so a broken crawl or an empty page cannot pass.
public_parts_shown() {
  local paths=("/zh-hans/persons/$P1" "/zh-hant/persons/$P1" "/en/persons/$P1"
    "/api/v1/persons/$P1" "/en/cases/$CASE1" "/api/v1/search?q=%E8%B5%B5%E6%98%8E%E8%BF%9C"
    "/api/v1/search?q=zhaomingyuan" "/en/search?q=%E8%B5%B5%E6%98%8E%E8%BF%9C"
    "/api/v1/search?q=hypertension" /en/facilities/f7k00000p01 /en/topics/t7k00000p01 /en/)
  local want=("赵明远|VISIBLE-LOCATOR-P12|/zh-hans/cases/$CASE1|/zh-hans/persons/$P2"
    "趙明遠|趙明遠是一名教師" "VISIBLE-SUMMARY-P1|VISIBLE-LINK-NOTE-P1|Zhao Mingyuan|VISIBLE-EVENT-TITLE|VISIBLE-EVENT2-TITLE"
    "\"name\":{\"zh\":\"赵明远\"}|\"name\":\"Zhao Mingyuan\"|VISIBLE-LOCATOR-P12|VISIBLE-LINK-NOTE-P1|\"status\":\"detained\""
    "VISIBLE-CASE-TITLE|VISIBLE-CASE-LINK-NOTE|/en/persons/$P1|/en/persons/$P2|VISIBLE-EVENT-TITLE|Picking quarrels"
    "\"id\":\"$P1\"" "\"id\":\"$P1\"" "href=\"/en/persons/$P1\"" "\"id\":\"$P2\""
    "VISIBLE-CONDITIONS-F1|VISIBLE-FACILITY-SUMMARY|/en/persons/$P2|/en/persons/$P1"
    "VISIBLE-TOPIC-TEXT|/en/cases/$CASE1" "VISIBLE-CASE-TITLE|/en/cases/$CASE1")
  local i w body
  : >"$LEAKS"
  fetch_all positive "${paths[@]}"
  for ((i = 0; i < ${#paths[@]}; i++)); do
    [[ "${CODES[i]}" == 200 ]] || die "${paths[i]}: status ${CODES[i]}"
    body=$(<"positive/$i.body")
    IFS='|' read -r -a words <<<"${want[i]}"
    for w in "${words[@]}"; do
      [[ "$body" == *"$w"* ]] || die "${paths[i]} should show: $w" "${body:0:400}"
    done
    scan "${paths[i]}" "positive/$i.body"
    ok "${paths[i]} shows ${want[i]//|/, }"
  done
  if [[ -s "$LEAKS" ]]; then
    _indent "$LEAKS"
    die "leaks (above)"
  fi
}
section "positive controls: the public parts are shown and found" public_parts_shown

# --- export --public ------------------------------------------------------------------------
public_export() {
  : >"$LEAKS"
  expect_ok jz "$DB" export --public --out public.jsonl
  expect_eq "$(line_count public.jsonl)" "${#PUBLIC_IDS[@]}" "records in the public export"
  scan "export --public" public.jsonl
  if [[ -s "$LEAKS" ]]; then
    _indent "$LEAKS"
    die "export --public leaks (above)"
  fi
  expect_not_contains public.jsonl '"confidential"'
  expect_not_contains public.jsonl '"visibility":"restricted"'
  expect_contains public.jsonl '"name":{"zh":"赵明远"}'
  expect_contains public.jsonl VISIBLE-LOCATOR-P12
  ok "export --public: no canary, the public parts there"
}
section "export --public" public_export

stop_server
requests=0 api=0
while read -r n a; do
  requests=$((requests + n))
  api=$((api + a))
done <requests.log
echo "# $requests requests in all, $api of them to the API, in $((SECONDS - STARTED)) s"
