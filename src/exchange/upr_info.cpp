// Imports UPR Info's database of Universal Periodic Review recommendations as published
// (rochelleterman/uprs, v.2/Data/CSVs): MacRoman text with old-Mac CR line ends, columns
// To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session. Every row
// is checked; the rows to one state (--to, default China) become recommendation records,
// each pointing at a review record for its session, which is created only when missing so
// that the team's edits to it survive the next import. Ids derive from the row's content, so
// importing the file again finds the same records.
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <utility>

#include "core/record_id.hpp"
#include "core/utf8.hpp"
#include "core/vocabulary.hpp"
#include "exchange/csv_reader.hpp"
#include "exchange/record_sink.hpp"

namespace jz::exchange {
namespace {

constexpr std::string_view kHeader[] = {"To",     "To-Rgrp",   "To-Org",   "Text",
                                        "From",   "From-Rgrp", "From-Org", "Response",
                                        "Action", "Issue",     "Session"};
constexpr std::size_t kTo = 0, kText = 3, kFrom = 4, kResponse = 7, kIssue = 9, kSession = 10;

// The month each session of the UPR Working Group was held, indexed by session, from
// OHCHR's list of UPR sessions and their dates (https://www.ohchr.org/en/hr-bodies/upr/
// upr-main, and the press release announcing each session). Session 6 ran from 30 November
// to 11 December 2009 and is dated by the month it began; session 17 (China's second
// review) ran from 21 October to 1 November 2013.
constexpr std::string_view kSessionMonths[] = {
    "",         // there is no session 0
    "2008-04",  // 1
    "2008-05",  // 2
    "2008-12",  // 3
    "2009-02",  // 4: China's first review
    "2009-05",  // 5
    "2009-11",  // 6
    "2010-02",  // 7
    "2010-05",  // 8
    "2010-11",  // 9
    "2011-01",  // 10
    "2011-05",  // 11
    "2011-10",  // 12
    "2012-05",  // 13
    "2012-10",  // 14
    "2013-01",  // 15
    "2013-04",  // 16
    "2013-10",  // 17: China's second review
};
constexpr int kLastSession = static_cast<int>(std::size(kSessionMonths)) - 1;

std::string_view trimmed(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

// "file:line:column: " of byte `offset` of the file as read: CR, LF and CRLF each end a
// line, as in CsvReader; a column counts characters (each byte in MacRoman, each sequence
// in UTF-8).
std::string where_in_bytes(const std::string& path, std::string_view bytes, std::size_t offset,
                           bool utf8) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n' || (c == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++line;
      column = 1;
    } else if (c != '\r' && (!utf8 || (c & 0xC0) != 0x80)) {
      ++column;
    }
  }
  return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

// The whole file from MacRoman to UTF-8 with ICU's "macintosh" converter, refusing what
// would otherwise become mojibake or control characters in a record.
Result<std::string> macroman_to_utf8(const std::string& path, const std::string& raw) {
  // A file saved again as UTF-8 is valid UTF-8 with non-ASCII bytes; read as MacRoman it
  // would turn "vis-à-vis" into "vis-√†-vis" and change the ids derived from the text.
  std::size_t first_high = 0;
  while (first_high < raw.size() && static_cast<unsigned char>(raw[first_high]) < 0x80)
    ++first_high;
  if (first_high < raw.size() && !first_invalid_utf8(raw))
    return Status::invalid(where_in_bytes(path, raw, first_high, true) +
                           "this file is UTF-8, but UPR Info publishes its CSVs in MacRoman; "
                           "import the file as published, or convert it back with `iconv -f "
                           "UTF-8 -t MACINTOSH in.csv > out.csv`");
  for (std::size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
      return Status::invalid(where_in_bytes(path, raw, i, false) + "byte " + hex_byte(c) +
                             " is a control character, not text: this is not a UPR Info CSV "
                             "as published (MacRoman text); check that this is the right file");
  }

  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open("macintosh", &error),
                                                               &ucnv_close);
  if (U_FAILURE(error))
    return Status::internal(std::string("ICU has no MacRoman converter (\"macintosh\"): ") +
                            u_errorName(error));
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &error);
  // MacRoman is one byte a character, each at most one UTF-16 unit.
  std::u16string utf16(raw.size() + 1, u'\0');
  const char* source = raw.data();
  UChar* target = reinterpret_cast<UChar*>(utf16.data());
  ucnv_toUnicode(converter.get(), &target, target + utf16.size(), &source, raw.data() + raw.size(),
                 nullptr, true, &error);
  if (U_FAILURE(error)) {
    char invalid[32];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), invalid, &invalid_length, &ignored);
    std::size_t at = static_cast<std::size_t>(source - raw.data());
    at -= std::min<std::size_t>(at, U_SUCCESS(ignored) ? invalid_length : 1);
    return Status::invalid(where_in_bytes(path, raw, at, false) + "byte " +
                           hex_byte(static_cast<unsigned char>(raw[at])) +
                           " is not MacRoman text (" + u_errorName(error) +
                           "); this is not a UPR Info CSV as published, or it was damaged: "
                           "download it again");
  }
  utf16.resize(static_cast<std::size_t>(target - reinterpret_cast<UChar*>(utf16.data())));

  std::string utf8(utf16.size() * 3, '\0');
  int32_t length = 0;
  error = U_ZERO_ERROR;
  u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &length,
              reinterpret_cast<const UChar*>(utf16.data()), static_cast<int32_t>(utf16.size()),
              &error);
  if (U_FAILURE(error))
    return Status::internal(path + ": converting to UTF-8 failed: " + u_errorName(error));
  utf8.resize(static_cast<std::size_t>(length));
  return utf8;
}

// UPR Info's issue names as rec_themes codes (docs/RECORDS.md): lower case, apostrophes
// dropped, every run of other characters than ASCII letters and digits one "_", trimmed.
// "Women's rights" -> womens_rights, "HIV - Aids" -> hiv_aids.
std::string theme_code(std::string_view issue) {
  std::string code;
  bool gap = false;
  for (std::size_t i = 0; i < issue.size(); ++i) {
    char c = issue[i];
    if (c == '\'') continue;
    if (issue.substr(i, 3) == "\xE2\x80\x99") {  // ’, MacRoman 0xD5
      i += 2;
      continue;
    }
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      gap = true;
      continue;
    }
    if (gap && !code.empty()) code += '_';
    gap = false;
    code += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return code;
}

struct Row {
  const std::vector<CsvField>& f;
  const CsvReader& reader;

  std::string where(std::size_t col) const {
    return reader.where(f[col].line, f[col].column) + "column \"" + std::string(kHeader[col]) +
           "\": ";
  }
  Status error(std::size_t col, const std::string& what) const {
    return Status::invalid(where(col) + what);
  }
  std::string_view value(std::size_t col) const { return trimmed(f[col].value); }
};

Result<std::string> response_of(const Row& row) {
  auto r = row.value(kResponse);
  if (r == "Accepted") return std::string("accepted");
  if (r == "Noted") return std::string("noted");
  return row.error(kResponse, "\"" + std::string(r) +
                                  "\" is not a response UPR Info gives; write Accepted or Noted");
}

Result<std::vector<std::string>> themes_of(const Row& row) {
  std::vector<std::string> themes;
  std::string_view rest = row.f[kIssue].value;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    auto issue = trimmed(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (issue.empty()) continue;
    std::string code = theme_code(issue);
    if (!vocab::contains(vocab::rec_themes(), code))
      return row.error(kIssue, "\"" + std::string(issue) +
                                   "\" is not one of UPR Info's issues (docs/RECORDS.md lists "
                                   "them); correct its spelling, or separate issues by commas");
    bool seen = false;
    for (const auto& t : themes) seen = seen || t == code;
    if (!seen) themes.push_back(std::move(code));
  }
  return themes;
}

Result<int> session_of(const Row& row) {
  auto s = row.value(kSession);
  bool digits = !s.empty() && s.size() <= 4;
  for (char c : s) digits = digits && c >= '0' && c <= '9';
  if (!digits)
    return row.error(kSession, "\"" + std::string(s) +
                                   "\" is not a session number; write the number of the UPR "
                                   "Working Group session, such as 4");
  return std::stoi(std::string(s));
}

}  // namespace

namespace {

// Where the recommendations come from: each cites this record with its file and line.
Record dataset_source() {
  Record r;
  r.id = derived_id("source", "upr-info-recommendations");
  r.slug = "upr-info-recommendations";
  Source s;
  s.type = "dataset";
  s.title = {"", "", "UPR Info database of Universal Periodic Review recommendations"};
  s.url = "https://www.upr-info.org/";
  s.publisher = {"", "", "UPR Info"};
  s.language = "en";
  r.body = s;
  return r;
}

// Writes `record` unless a record with its id exists: the team may have edited it since.
Status put_if_missing(store::Store& store, RecordSink& sink, Record record) {
  auto existing = store.get(record.id);
  if (existing) {
    sink.kept();
    return Status::ok();
  }
  if (existing.status().code() != Code::kNotFound) return existing.status();
  return sink.put(record);
}

}  // namespace

std::string upr_review_id(std::string_view to, int session) {
  return derived_id("review", "upr\n" + std::string(to) + "\n" + std::to_string(session));
}

Result<ImportReport> import_upr_info(store::Store& store, const std::string& path,
                                     const ImportOptions& options) {
  std::uint64_t size = 0;
  auto in = open_input(path, &size);
  if (!in) return in.status();
  if (trimmed(options.upr_to).empty())
    return Status::invalid("--to: name the state under review as in the To column, e.g. China");
  std::string raw;
  {
    std::ostringstream bytes;
    bytes << in->rdbuf();
    if (in->bad()) return Status::io(path + ": cannot read the file");
    raw = std::move(bytes).str();
  }
  auto text = macroman_to_utf8(path, raw);
  if (!text) return rolled_back(text.status());
  raw.clear();
  const std::uint64_t total = text->size();
  std::istringstream converted(std::move(*text));

  CsvReader reader(converted, path);
  const std::string to = std::string(trimmed(options.upr_to));
  RecordSink sink(store, options,
                  "import of UPR Info's recommendations to " + to + " from " + path);
  Status s = store.transaction([&]() -> Status {
    JZ_RETURN_IF_ERROR(reader.read_header(kHeader, "UPR Info's header", false));

    std::set<int> reviews_done;
    const Record dataset = dataset_source();
    bool dataset_done = false;
    const std::string file_name = std::filesystem::path(path).filename().string();
    std::map<std::string, int> occurrences;  // how often each key was seen: exact duplicates
    std::uint64_t lines = 0;
    std::vector<CsvField> fields;
    while (true) {
      auto more = reader.next(fields);
      if (!more) return more.status();
      if (!*more) break;
      if (options.progress && ++lines % 1024 == 0) options.progress(reader.bytes_read(), total);
      if (fields.size() == 1 && fields[0].value.empty()) continue;  // blank line
      const std::size_t line = fields[0].line;
      if (fields.size() != std::size(kHeader))
        return Status::invalid(reader.where(line, 1) + "expected 11 columns (" +
                               "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action," +
                               "Issue,Session), found " + std::to_string(fields.size()) +
                               "; quote any field that contains a comma");
      Row row{fields, reader};
      if (row.value(kTo).empty())
        return row.error(kTo, "the state under review is empty; fill it in");
      if (row.value(kText).empty())
        return row.error(kText, "the recommendation's text is empty; fill it in or delete the row");
      auto response = response_of(row);
      if (!response) return response.status();
      auto themes = themes_of(row);
      if (!themes) return themes.status();
      auto session = session_of(row);
      if (!session) return session.status();
      if (row.value(kTo) != to) continue;

      if (*session < 1 || *session > kLastSession)
        return row.error(kSession, "Jianzheng does not know when UPR session " +
                                       std::to_string(*session) + " was held (it knows sessions " +
                                       "1 to " + std::to_string(kLastSession) +
                                       "); add its month to kSessionMonths in "
                                       "src/exchange/upr_info.cpp");
      const std::string review_id = upr_review_id(to, *session);
      const Citation cite{dataset.id, file_name + ", line " + std::to_string(line)};
      if (!dataset_done) {
        JZ_RETURN_IF_ERROR(put_if_missing(store, sink, dataset).prefixed(reader.where(line, 1)));
        dataset_done = true;
      }
      if (reviews_done.insert(*session).second) {
        const std::string n = std::to_string(*session);
        Review v;
        v.body = "upr";
        v.cycle = "UPR session " + n;
        v.title.en = "Universal Periodic Review of " + to + ", session " + n;
        auto month = PartialDate::parse(kSessionMonths[*session]);
        if (!month) return month.status();
        v.date = *month;
        Record review;
        review.id = review_id;
        review.sources = {{dataset.id, file_name}};
        review.body = std::move(v);
        JZ_RETURN_IF_ERROR(put_if_missing(store, sink, review).prefixed(reader.where(line, 1)));
      }

      Recommendation r;
      r.review = review_id;
      r.text.en = std::string(row.value(kText));
      r.themes = std::move(*themes);
      r.from = std::string(row.value(kFrom));
      r.response = std::move(*response);
      // The state, the session, who recommended and what: the same recommendation made
      // twice by one state in one session is counted apart by its occurrence.
      std::string key =
          "upr\n" + to + "\n" + std::to_string(*session) + "\n" + r.from + "\n" + r.text.en + "\n";
      key += std::to_string(++occurrences[key]);
      Record record;
      record.id = derived_id("recommendation", key);
      record.sources = {cite};
      record.body = std::move(r);
      JZ_RETURN_IF_ERROR(sink.put(record).prefixed(reader.where(line, 1)));
      sink.row_done(reader.bytes_read(), total);
    }
    if (sink.report().rows == 0)
      sink.warn(path + ": no row has To \"" + to +
                "\", so nothing was imported from it; To is compared exactly: check --to");
    return Status::ok();
  });
  if (!s.is_ok()) return rolled_back(s);
  return sink.report();
}

}  // namespace jz::exchange
