// Imports the China Political Prisoner Concern list (political-prisoner/china,
// docs/chinese-political-prisoners.csv) as it is published: each row becomes a person, a
// case with the sentence, and a source record per URL. Ids derive from the row's name and
// first URL, so re-importing finds the same records, and two different people with one
// name (陈卫) stay two persons.
#include <chrono>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/clock.hpp"
#include "core/record_id.hpp"
#include "exchange/csv_reader.hpp"
#include "exchange/record_sink.hpp"

namespace jz::exchange {
namespace {

constexpr std::string_view kHeader[] = {"Name",  "Gender",   "Date of Birth", "Date of Death",
                                        "Place", "Sentence", "Source"};
constexpr std::string_view kDatasetUrl = "https://github.com/political-prisoner/china";

// The published list has a few impossible dates ("1954-02-29", "1952-08021"). Read as
// much as is valid, component by component (1954-02, 1952), never more: a day is never
// invented and a typo never becomes a different date. Nothing valid: unknown.
Date leading_valid_part(const std::string& text) {
  Date best;
  std::size_t end = 0;
  while (true) {
    end = text.find('-', end + 1);
    auto d = PartialDate::parse(text.substr(0, end));
    if (!d) break;
    best = *d;
    if (end == std::string::npos) break;
  }
  return best;
}

struct Row {
  const std::vector<CsvField>& f;
  const CsvReader& reader;
  const ImportOptions& options;
  RecordSink& sink;
  std::string irregular;  // what was read in a lossy way, for the citation locator

  std::string where(std::size_t col) const {
    return reader.where(f[col].line, f[col].column) + "column \"" + std::string(kHeader[col]) +
           "\": ";
  }
  Status error(std::size_t col, const std::string& what) const {
    return Status::invalid(where(col) + what);
  }
  Result<Date> date(std::size_t col) {
    const std::string& text = f[col].value;
    if (text.empty()) return Date();
    auto d = PartialDate::parse(text);
    if (d) return Date(*d);
    if (options.strict) return error(col, d.status().message());
    Date read = leading_valid_part(text);
    std::string as = read ? read->to_string() : "unknown";
    sink.warn(where(col) + d.status().message() + "; read as " + as);
    irregular += "; " + std::string(kHeader[col]) + " given as \"" + text + "\", read as " + as;
    return read;
  }
};

Record dataset_source() {
  Record r;
  r.id = derived_id("source", kDatasetUrl);
  r.slug = "cppc-political-prisoner-list";
  Source s;
  s.type = "dataset";
  s.title = {"中国政治犯名单（中国政治犯关注）", "", "List of Chinese political prisoners (CPPC)"};
  s.url = std::string(kDatasetUrl);
  s.publisher = {"中国政治犯关注", "", "China Political Prisoner Concern"};
  s.language = "zh-Hans";
  r.body = s;
  return r;
}

Record url_source(const std::string& url) {
  Record r;
  r.id = derived_id("source", url);
  Source s;
  s.type = "report";
  s.url = url;
  if (url.find("cppc1989.blogspot.com") != std::string::npos) {
    s.title = {"中国政治犯关注档案页", "", "CPPC profile page"};
    s.publisher = {"中国政治犯关注", "", "China Political Prisoner Concern"};
  } else {
    std::string host = url.substr(url.find("//") + 2);
    host = host.substr(0, host.find('/'));
    s.title = {"", "", host};
  }
  r.body = s;
  return r;
}

std::string today() {
  return utc_now().substr(0, 10);
}

}  // namespace

Result<ImportReport> import_cppc(store::Store& store, const std::string& path,
                                 const ImportOptions& options) {
  std::uint64_t size = 0;
  auto in = open_input(path, &size);
  if (!in) return in.status();
  auto as_of_text = options.as_of.empty() ? today() : options.as_of;
  auto as_of = PartialDate::parse(as_of_text);
  if (!as_of || !as_of->is_exact_day())
    return Status::invalid("--as-of \"" + as_of_text + "\": give a day as YYYY-MM-DD");

  CsvReader reader(*in, path);
  RecordSink sink(store, options, "import of the CPPC list from " + path);
  Status s = store.transaction([&]() -> Status {
    JZ_RETURN_IF_ERROR(reader.read_header(kHeader, "the CPPC header", true));
    Record dataset = dataset_source();
    JZ_RETURN_IF_ERROR(sink.put(dataset));
    // Hashes of ids written so far (8 bytes each rather than the strings: the list can be
    // long) to write each source once and to catch a row that repeats another.
    std::unordered_set<std::size_t> sources_written;
    std::unordered_map<std::size_t, std::size_t> person_lines;

    std::vector<CsvField> fields;
    while (true) {
      auto more = reader.next(fields);
      if (!more) return more.status();
      if (!*more) break;
      if (fields.size() == 1 && fields[0].value.empty()) continue;  // blank line
      const std::size_t line = fields[0].line;
      if (fields.size() != std::size(kHeader))
        return Status::invalid(reader.where(line, 1) + "expected 7 columns, found " +
                               std::to_string(fields.size()) +
                               "; quote any field that contains a comma");
      Row row{fields, reader, options, sink, ""};
      const std::string& name = fields[0].value;
      if (name.empty()) return row.error(0, "a name is required");

      Person p;
      p.name.zh = name;
      const std::string& gender = fields[1].value;
      if (gender != "male" && gender != "female" && !gender.empty())
        return row.error(1, "\"" + gender + "\" is not male, female or empty");
      p.gender = gender.empty() ? "unknown" : gender;
      auto born = row.date(2);
      if (!born) return born.status();
      p.born = *born;
      auto died = row.date(3);
      if (!died) return died.status();
      p.died = *died;
      if (!fields[4].value.empty()) p.home_place.zh = fields[4].value;

      Case c;
      c.title.zh = name + "案";
      c.title.en = "Case of " + name;
      const std::string& sentence = fields[5].value;
      std::string note_zh, note_en;
      if (sentence == "detention") {
        p.status = "detained";
        c.status = "pre_trial";
        c.sentence.type = "unknown";
      } else if (sentence == "life") {
        p.status = "serving_sentence";
        c.status = "serving_sentence";
        c.sentence.type = "life";
      } else if (sentence == "death") {
        // Not in the list's README but used in it: a death sentence.
        p.status = "serving_sentence";
        c.status = "sentenced";
        c.sentence.type = "death";
      } else if (sentence == "unknown") {
        p.status = "serving_sentence";
        c.status = "serving_sentence";
        c.sentence.type = "unknown";
      } else if (!sentence.empty()) {
        auto ends = PartialDate::parse(sentence);
        if (!ends)
          return row.error(5, "\"" + sentence +
                                  "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD), detention, "
                                  "life, death or unknown");
        c.sentence.type = "fixed_term";
        c.sentence.ends = *ends;
        bool served = ends->latest() < as_of->earliest();
        p.status = served ? "released" : "serving_sentence";
        c.status = served ? "released" : "serving_sentence";
        note_en =
            "; the sentence ends " + sentence + (served ? ", before " : ", after ") + as_of_text;
        note_zh = "；刑期至" + sentence;
      } else {
        c.status = "unknown";
      }
      if (p.died && (*p.died).earliest() <= as_of->earliest()) p.status = "deceased";
      if (!sentence.empty()) {
        p.status_note.en = "Inferred from the CPPC list (sentence field \"" + sentence + "\"" +
                           note_en + "); not independently verified.";
        p.status_note.zh = "根据中国政治犯关注名单推定（刑期字段“" + sentence + "”" + note_zh +
                           "），未经独立核实。";
      }

      // Sources: the list itself (with the line) and each URL the row gives.
      std::vector<Citation> cites{{dataset.id, "line " + std::to_string(line) + row.irregular}};
      std::istringstream urls(fields[6].value);
      std::string url;
      std::string first_url;
      while (urls >> url) {
        if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
          return row.error(6, "\"" + url + "\" is not a web address (http:// or https://)");
        if (first_url.empty()) first_url = url;
        Record src = url_source(url);
        if (sources_written.insert(std::hash<std::string>()(src.id)).second)
          JZ_RETURN_IF_ERROR(sink.put(src).prefixed(reader.where(line, fields[6].column)));
        cites.push_back({src.id, ""});
      }

      // Name and first URL identify a row; without a URL, name, birth and place do.
      const std::string key =
          "cppc\n" + name + "\n" +
          (first_url.empty() ? fields[2].value + "\n" + fields[4].value : first_url);
      Record person;
      person.id = derived_id("person", key);
      auto [seen, fresh] = person_lines.emplace(std::hash<std::string>()(person.id), line);
      if (!fresh)
        return Status::invalid(reader.where(line, 1) + "this row repeats line " +
                               std::to_string(seen->second) +
                               " (same name and first source); remove one of them");
      person.sources = cites;
      person.body = std::move(p);
      Record kase;
      kase.id = derived_id("case", key);
      kase.sources = cites;
      c.persons = {person.id};
      kase.body = std::move(c);
      JZ_RETURN_IF_ERROR(sink.put(person).prefixed(reader.where(line, 1)));
      JZ_RETURN_IF_ERROR(sink.put(kase).prefixed(reader.where(line, 1)));
      sink.row_done(reader.bytes_read(), size);
    }
    return Status::ok();
  });
  if (!s.is_ok()) return rolled_back(s);
  return sink.report();
}

}  // namespace jz::exchange
