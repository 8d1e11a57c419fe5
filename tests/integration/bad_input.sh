#!/usr/bin/env bash
# Bad input is refused as a whole: a non-zero exit, an error naming file:line:column and
# how to fix it, and a database exactly as it was before.
source "$(dirname "$0")/lib.sh"

DB=$WORK/j.db
expect_ok jz "$DB" demo
printf '%s\n' '{"id":"p0000000a01","kind":"person","slug":"already-here","body":{"name":{"zh":"已有","en":"Already Here"}}}' >base.jsonl
expect_ok jz "$DB" import --format jsonl base.jsonl
FINGERPRINT=$(db_fingerprint "$DB")
RECORDS=$(sql "$DB" "SELECT count(*) FROM records")

# column_of LINE TEXT: the 1-based column (in characters) where TEXT first starts in LINE.
column_of() {
  local prefix=${1%%"$2"*}
  [[ "$prefix" != "$1" ]] || die "column_of: \"$2\" is not in \"$1\""
  echo $((${#prefix} + 1))
}

# Each case runs on its own copy of the database, so that a case whose import wrongly
# succeeds cannot spoil the cases after it.
BASE=$WORK/base.db
cp "$DB" "$BASE"
with_copy() {
  cp "$BASE" "$WORK/case.db"
  DB=$WORK/case.db
  "$@"
}
case_() {
  local name=$1
  shift
  section "$name" with_copy "$@"
}

# refused ARGS...: `jianzheng import ARGS...` fails and leaves the database as it was.
refused() {
  expect_fail jz "$DB" import "$@"
  expect_unchanged "$DB" "$FINGERPRINT"
}

GOOD1='{"kind":"person","body":{"name":{"en":"Good One"}}}'
GOOD2='{"kind":"person","body":{"name":{"zh":"好人二"}}}'

# --- JSON Lines -----------------------------------------------------------------------------
invalid_json() {
  local bad='{"kind":"person","body":{"name":{"en":"Bad Three"}},}'
  printf '%s\n' "$GOOD1" "$GOOD2" "$bad" "$GOOD1" >invalid.jsonl
  refused --format jsonl invalid.jsonl
  # nlohmann reports the byte where parsing stopped: the "}" after the last comma.
  expect_contains "$ERR" "invalid.jsonl:3:$(($(column_of "$bad" ',}') + 1)): not valid JSON"
  expect_contains "$ERR" "expected string literal"
  expect_contains "$ERR" "nothing was imported"
}
case_ "JSONL: invalid JSON at line 3" invalid_json

born_date() {
  local value=$1 hint=$2
  local line="{\"kind\":\"person\",\"body\":{\"name\":{\"zh\":\"王五\"},\"born\":\"$value\"}}"
  printf '%s\n' "$GOOD1" "$line" >born.jsonl
  refused --format jsonl born.jsonl
  expect_contains "$ERR" "born.jsonl:2:$(column_of "$line" '"born"'): /body/born: \"$value\" is not a date"
  expect_contains "$ERR" "$hint"
}
case_ "JSONL: born 1989-13" born_date "1989-13" "month 13 is not between 01 and 12"
case_ "JSONL: born 2009-02-30" born_date "2009-02-30" "2009-02 has 28 days"
case_ "JSONL: born \"circa 2009\"" born_date "circa 2009" 'for an approximate date write "2009~"'

unknown_kind() {
  printf '%s\n' "$GOOD1" '{"kind":"persn","body":{"name":{"en":"X"}}}' >kind.jsonl
  refused --format jsonl kind.jsonl
  expect_contains "$ERR" 'kind.jsonl:2:2: /kind: "persn" is not allowed; use one of person, case, event'
}
case_ "JSONL: unknown kind" unknown_kind

unknown_field() {
  local line='{"kind":"person","body":{"name":{"en":"X"},"nickname":"x"}}'
  printf '%s\n' "$GOOD1" "$GOOD2" "$line" >field.jsonl
  refused --format jsonl field.jsonl
  expect_contains "$ERR" "field.jsonl:3:$(column_of "$line" '"nickname"'): /body/nickname: unknown field; the fields here are name,"
  local envelope='{"kind":"person","hello":1,"body":{"name":{"en":"X"}}}'
  printf '%s\n' "$envelope" >envelope.jsonl
  refused --format jsonl envelope.jsonl
  expect_contains "$ERR" "envelope.jsonl:1:$(column_of "$envelope" '"hello"'): /hello: unknown field; the fields here are id, kind,"
}
case_ "JSONL: unknown field" unknown_field

wrong_type() {
  local line='{"kind":"person","body":{"name":"Plain"}}'
  printf '%s\n' "$line" >type.jsonl
  refused --format jsonl type.jsonl
  expect_contains "$ERR" "type.jsonl:1:$(column_of "$line" '"name"'): /body/name: expected {\"zh\": ..., \"en\": ...}, not a plain string"
}
case_ "JSONL: a plain string for a Text" wrong_type

dangling_reference_with_id() {
  printf '%s\n' "$GOOD1" "$GOOD2" \
    '{"id":"c0000000d01","kind":"case","body":{"title":{"en":"Case"},"persons":["p0000000zzz"]}}' \
    "$GOOD1" >ref.jsonl
  refused --format jsonl ref.jsonl
  expect_contains "$ERR" "ref.jsonl:3: record c0000000d01 refers to p0000000zzz, which does not exist"
  expect_contains "$ERR" "import that record too or remove the reference"
}
case_ "JSONL: reference to a missing record (record with an id)" dangling_reference_with_id

slug_conflict() {
  printf '%s\n' '{"kind":"person","slug":"twice","body":{"name":{"en":"First"}}}' \
    '{"kind":"person","slug":"twice","body":{"name":{"en":"Second"}}}' >slug.jsonl
  refused --format jsonl slug.jsonl
  expect_contains "$ERR" 'slug.jsonl:2:1: slug "twice" is already used by p'
  expect_contains "$ERR" "choose another or leave it out"
  # Against a record already in the database.
  printf '%s\n' "$GOOD1" '{"kind":"person","slug":"already-here","body":{"name":{"en":"Other"}}}' >slug2.jsonl
  refused --format jsonl slug2.jsonl
  expect_contains "$ERR" 'slug2.jsonl:2:1: slug "already-here" is already used by p0000000a01'
}
case_ "JSONL: duplicate slug" slug_conflict

kind_conflict() {
  printf '%s\n' '{"id":"p0000000a01","kind":"case","body":{"title":{"en":"Not a person"}}}' >k.jsonl
  refused --format jsonl k.jsonl
  expect_contains "$ERR" "k.jsonl:1:"
  expect_contains "$ERR" "p0000000a01"
}
case_ "JSONL: an id of another kind" kind_conflict

not_utf8_jsonl() {
  # 啊 in GB18030 is B0 A1.
  {
    printf '%s\n' "$GOOD1"
    printf '{"kind":"person","body":{"name":{"zh":"\xb0\xa1"}}}\n'
  } >gb.jsonl
  refused --format jsonl gb.jsonl
  expect_contains "$ERR" 'gb.jsonl:2:40: the file is not UTF-8 here; save it as UTF-8'
}
case_ "JSONL: GB18030 bytes" not_utf8_jsonl

missing_files() {
  refused --format jsonl does-not-exist.jsonl
  expect_contains "$ERR" "does-not-exist.jsonl: cannot open the file (does it exist?)"
  mkdir folder.jsonl
  refused --format jsonl folder.jsonl
  expect_contains "$ERR" "folder.jsonl: is a folder; name the file to import"
}
case_ "a file that is missing or a folder" missing_files

# --- CPPC -----------------------------------------------------------------------------------
HEADER='Name,Gender,Date of Birth,Date of Death,Place,Sentence,Source'
ROW1='张三,male,1960,,北京,detention,https://example.org/zhang-san'
ROW2='李四,female,1970-05,,上海,2030,https://example.org/li-si'

not_utf8_csv() {
  {
    printf '%s\n' "$HEADER" "$ROW1"
    printf 'Ren\xe9 Dupont,male,1960,,Paris,detention,https://example.org/rene\n'
  } >latin1.csv
  refused --format cppc latin1.csv
  expect_contains "$ERR" "latin1.csv:3:4: the file is not UTF-8 here"
  expect_contains "$ERR" "iconv -f GB18030 -t UTF-8"
  {
    printf '%s\n' "$HEADER" "$ROW1"
    # 北京 in GB18030, in the Place column.
    printf 'Li,male,1960,,\xb1\xb1\xbe\xa9,detention,https://example.org/li\n'
  } >gb.csv
  refused --format cppc gb.csv
  expect_contains "$ERR" "gb.csv:3:15: the file is not UTF-8 here"
}
case_ "CPPC: Latin-1 and GB18030 bytes" not_utf8_csv

column_count() {
  printf '%s\n' "$HEADER" "$ROW1" "$ROW2" '王五,male,1960,北京,detention,https://example.org/wang-wu' >columns.csv
  refused --format cppc columns.csv
  expect_contains "$ERR" "columns.csv:4:1: expected 7 columns, found 6; quote any field that contains a comma"
}
case_ "CPPC: wrong column count" column_count

bad_header() {
  printf '%s\n' 'Name,Sex,Date of Birth,Date of Death,Place,Sentence,Source' "$ROW1" >header.csv
  refused --format cppc header.csv
  expect_contains "$ERR" 'header.csv:1:6: expected the CPPC header "Name,Gender,Date of Birth,Date of Death,Place,Sentence,Source"; column 2 should be "Gender"'
  : >empty.csv
  refused --format cppc empty.csv
  expect_contains "$ERR" "empty.csv: the file is empty"
}
case_ "CPPC: bad header" bad_header

cppc_bad_values() {
  local row
  row='王五,man,1960,,北京,detention,https://example.org/wang-wu'
  printf '%s\n' "$HEADER" "$ROW1" "$row" >gender.csv
  refused --format cppc gender.csv
  expect_contains "$ERR" "gender.csv:3:$(column_of "$row" man): column \"Gender\": \"man\" is not male, female or empty"
  row='王五,male,1960,,北京,forever,https://example.org/wang-wu'
  printf '%s\n' "$HEADER" "$ROW1" "$row" >sentence.csv
  refused --format cppc sentence.csv
  expect_contains "$ERR" "sentence.csv:3:$(column_of "$row" forever): column \"Sentence\": \"forever\" is not a date"
  row='王五,male,1960,,北京,detention,example.org/wang-wu'
  printf '%s\n' "$HEADER" "$ROW1" "$row" >url.csv
  refused --format cppc url.csv
  expect_contains "$ERR" "url.csv:3:$(column_of "$row" example.org): column \"Source\": \"example.org/wang-wu\" is not a web address"
  printf '%s\n' "$HEADER" "$ROW1" "$ROW2" "$ROW1" >repeat.csv
  refused --format cppc repeat.csv
  expect_contains "$ERR" "repeat.csv:4:1: this row repeats line 2"
  printf '%s\n' "$HEADER" "$ROW1" '"王五,male,1960,,北京,detention,https://example.org/wang-wu' >quote.csv
  refused --format cppc quote.csv
  expect_contains "$ERR" 'quote.csv:3:1: this quoted field is never closed; add the closing "'
}
case_ "CPPC: bad values" cppc_bad_values

csv_quotes() {
  # A quoted field may span lines (here with CRLF inside, after an old-Mac CR line end): the
  # error after it still points at the right line and character.
  printf 'Name,Gender,Date of Birth,Date of Death,Place,Sentence,Source\r"张\r\n三",male,1960,,北京,"detention"x,https://example.org/a\r' >after-quote.csv
  refused --format cppc after-quote.csv
  expect_contains "$ERR" "after-quote.csv:3:29: unexpected text after a closing quote; quote the whole field and double any \" inside it"
  printf '%s\n' "$HEADER" '张三,male,1960,,北"京,detention,https://example.org/a' >inner-quote.csv
  refused --format cppc inner-quote.csv
  expect_contains "$ERR" 'inner-quote.csv:2:16: a quote inside an unquoted field; quote the field and write the quote as ""'
}
case_ "CSV: misplaced quotes" csv_quotes

# --- generic CSV with a mapping --------------------------------------------------------------
cat >map.json <<'EOF'
{"kind":"person","key":["Name"],"columns":{"Name":"/body/name/zh","Born":"/body/born","Notes":null}}
EOF

mapped_good() {
  # On a copy: good rows are imported, and a second import changes nothing.
  cp "$BASE" good.db
  printf '%s\n' 'Name,Born,Notes' '赵一,1970-05,note a' '钱二,1980,' >people.csv
  expect_ok jz good.db import --format csv --mapping map.json people.csv
  expect_contains "$OUT" "2 rows; 2 records created, 0 updated, 0 unchanged"
  expect_eq "$(sql good.db "SELECT json_extract(body, '\$.body.born') FROM records WHERE json_extract(body, '\$.body.name.zh') = '赵一'")" \
    "1970-05" "born of 赵一"
  local fp
  fp=$(db_fingerprint good.db)
  expect_ok jz good.db import --format csv --mapping map.json people.csv
  expect_contains "$OUT" "0 records created, 0 updated, 2 unchanged"
  expect_unchanged good.db "$fp"
}
case_ "CSV: a mapping that works" mapped_good

mapped_bad_date() {
  printf '%s\n' 'Name,Born,Notes' '赵一,1970-05,note a' '孙三,1985-13,x' >bad-born.csv
  refused --format csv --mapping map.json bad-born.csv
  expect_contains "$ERR" 'bad-born.csv:3:4: column "Born": /body/born: "1985-13" is not a date: month 13 is not between 01 and 12'
  expect_contains "$ERR" "nothing was imported"
}
case_ "CSV: a bad date names the column" mapped_bad_date

mapped_bad_columns() {
  printf '%s\n' 'Name,Born,Notes,Extra' '赵一,1970-05,note a,1' >extra.csv
  refused --format csv --mapping map.json extra.csv
  expect_contains "$ERR" 'extra.csv:1:17: column "Extra" is not in the mapping map.json; map it to a field or set it to null'
  printf '%s\n' 'Name,Born' '赵一,1970-05' >fewer.csv
  refused --format csv --mapping map.json fewer.csv
  expect_contains "$ERR" 'map.json: column "Notes" is not in the header of fewer.csv'
  printf '%s\n' 'Name,Born,Notes' '赵一,1970-05,note a' '钱二,1980' >short.csv
  refused --format csv --mapping map.json short.csv
  expect_contains "$ERR" "short.csv:3:1: expected 3 columns as in the header, found 2"
  refused --format csv extra.csv
  expect_contains "$ERR" "--format csv needs --mapping MAP.json"
  refused --format jsonl --mapping map.json base.jsonl
  expect_contains "$ERR" "--mapping is only for --format csv"
  printf '{"kind":"person",' >broken-map.json
  refused --format csv --mapping broken-map.json extra.csv
  expect_contains "$ERR" "broken-map.json: not valid JSON"
}
case_ "CSV: columns and mapping that do not match" mapped_bad_columns

# The last row of 2,000 is bad: the 1,999 good rows before it must not stay in the database.
last_row_bad() {
  {
    echo 'Name,Born,Notes'
    local i
    for ((i = 1; i < 2000; i++)); do printf 'Row Person %04d,19%02d,\n' "$i" $((i % 100)); done
    echo 'Row Person 2000,1990-02-30,the bad one'
  } >big.csv
  expect_eq "$(line_count big.csv)" "2001" "lines of big.csv"
  refused --format csv --mapping map.json big.csv
  expect_contains "$ERR" 'big.csv:2001:17: column "Born": /body/born: "1990-02-30" is not a date: 1990-02 has 28 days'
  expect_eq "$(sql "$DB" "SELECT count(*) FROM records")" "$RECORDS" "records after the refused import"
  expect_eq "$(sql "$DB" "SELECT count(*) FROM records WHERE body LIKE '%Row Person%'")" "0" "rows of big.csv in the database"
}
case_ "CSV: the last of 2,000 rows is bad" last_row_bad

# ---- cases that fail while the bug each shows is there ---------------------------------------

# A JSON syntax error after Chinese text: the column must count characters, like every other
# column the importers report, not bytes.
invalid_json_after_chinese() {
  local bad='{"kind":"person","body":{"name":{"zh":"刘晓波"}},}'
  printf '%s\n' "$GOOD1" "$GOOD2" "$bad" >invalid-zh.jsonl
  refused --format jsonl invalid-zh.jsonl
  expect_contains "$ERR" "invalid-zh.jsonl:3:$(($(column_of "$bad" ',}') + 1)): not valid JSON"
}
case_ "JSONL: invalid JSON after Chinese text (column in characters)" invalid_json_after_chinese

# A record without an id that refers to a missing record: the error must still name its line.
dangling_reference_without_id() {
  printf '%s\n' "$GOOD1" \
    '{"kind":"case","body":{"title":{"en":"Case"},"persons":["p0000000zzz"]}}' \
    "$GOOD2" >ref2.jsonl
  refused --format jsonl ref2.jsonl
  expect_contains "$ERR" "refers to p0000000zzz, which does not exist"
  expect_contains "$ERR" "ref2.jsonl:2:"
}
case_ "JSONL: reference to a missing record (record without an id)" dangling_reference_without_id

# A header naming one column twice: which value counts is a guess, so it must be refused
# rather than one of the two dropped without a word.
duplicate_header() {
  printf '%s\n' 'Name,Born,Notes,Born' 'Twice Born,1970,,1980' >twice.csv
  refused --format csv --mapping map.json twice.csv
  expect_contains "$ERR" "twice.csv:1:"
  expect_contains "$ERR" "Born"
}
case_ "CSV: a column named twice in the header" duplicate_header
