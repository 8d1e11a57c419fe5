// Records from JSON: strict checks against docs/RECORDS.md, errors naming the JSON path.
#include "core/record_json.hpp"

#include <algorithm>
#include <initializer_list>

#include "core/record_id.hpp"
#include "core/redact.hpp"
#include "core/vocabulary.hpp"

namespace jz {
namespace {

using nlohmann::json;

// A cursor over one JSON object that knows its path, for error messages.

class Reader {
 public:
  Reader(const json& j, std::string path) : j_(j), path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  std::string at(std::string_view key) const { return path_ + "/" + std::string(key); }
  Status error(std::string_view key, const std::string& what) const {
    return Status::invalid(at(key) + ": " + what);
  }

  Status object(std::initializer_list<std::string_view> allowed) const {
    if (!j_.is_object())
      return Status::invalid((path_.empty() ? "/" : path_) + ": expected an object");
    for (const auto& [k, v] : j_.items()) {
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        return error(k, "unknown field; the fields here are " + list);
      }
    }
    return Status::ok();
  }

  const json* find(std::string_view key) const {
    auto it = j_.find(key);
    return it == j_.end() || it->is_null() ? nullptr : &*it;
  }

  Status string(std::string_view key, std::string& out, bool required = false) const {
    const json* v = find(key);
    if (!v) return required ? error(key, "required") : Status::ok();
    if (!v->is_string()) return error(key, "expected a string");
    out = v->get<std::string>();
    if (required && out.empty()) return error(key, "must not be empty");
    return Status::ok();
  }

  Status choice(std::string_view key, vocab::List list, std::string& out,
                bool required = false) const {
    JZ_RETURN_IF_ERROR(string(key, out, required));
    if (!out.empty() && !vocab::contains(list, out))
      return error(key, "\"" + out + "\" is not allowed; use " + vocab::describe(list));
    return Status::ok();
  }

  Status integer(std::string_view key, int& out, int lo, int hi) const {
    const json* v = find(key);
    if (!v) return Status::ok();
    if (!v->is_number_integer()) return error(key, "expected a whole number");
    auto n = v->get<long long>();
    if (n < lo || n > hi)
      return error(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    out = static_cast<int>(n);
    return Status::ok();
  }

  Status boolean(std::string_view key, bool& out) const {
    const json* v = find(key);
    if (!v) return Status::ok();
    if (!v->is_boolean()) return error(key, "expected true or false");
    out = v->get<bool>();
    return Status::ok();
  }

  Status text(std::string_view key, Text& out, bool required = false) const {
    const json* v = find(key);
    if (!v)
      return required ? error(key, "required (an object with \"zh\" and/or \"en\")") : Status::ok();
    return decode_text(*v, at(key), out);
  }

  static Status decode_text(const json& v, const std::string& path, Text& out) {
    if (v.is_string())
      return Status::invalid(path + ": expected {\"zh\": ..., \"en\": ...}, not a plain string");
    Reader r(v, path);
    JZ_RETURN_IF_ERROR(r.object({"zh", "zh_hant", "en"}));
    JZ_RETURN_IF_ERROR(r.string("zh", out.zh));
    JZ_RETURN_IF_ERROR(r.string("zh_hant", out.zh_hant));
    JZ_RETURN_IF_ERROR(r.string("en", out.en));
    if (out.zh.empty() && out.en.empty()) return Status::invalid(path + ": needs \"zh\" or \"en\"");
    return Status::ok();
  }

  Status date(std::string_view key, Date& out) const {
    const json* v = find(key);
    if (!v) return Status::ok();
    if (!v->is_string()) return error(key, "expected a date string such as \"2009-06\"");
    auto d = PartialDate::parse(v->get<std::string>());
    if (!d) return error(key, d.status().message());
    out = *d;
    return Status::ok();
  }

  // An id; `letters` lists the kinds it may name ("p", "po", or "" for any kind).
  Status id(std::string_view key, std::string& out, std::string_view letters) const {
    JZ_RETURN_IF_ERROR(string(key, out));
    return check_id(at(key), out, letters);
  }

  Status ids(std::string_view key, Ids& out, std::string_view letters) const {
    return array(key, [&](const json& v, const std::string& p) -> Status {
      if (!v.is_string()) return Status::invalid(p + ": expected an id string");
      out.push_back(v.get<std::string>());
      return check_id(p, out.back(), letters);
    });
  }

  Status strings(std::string_view key, std::vector<std::string>& out, vocab::List list) const {
    return array(key, [&](const json& v, const std::string& p) -> Status {
      if (!v.is_string()) return Status::invalid(p + ": expected a string");
      std::string s = v.get<std::string>();
      if (!vocab::contains(list, s))
        return Status::invalid(p + ": \"" + s + "\" is not allowed; use " + vocab::describe(list));
      out.push_back(std::move(s));
      return Status::ok();
    });
  }

  Status citations(std::string_view key, std::vector<Citation>& out) const {
    return array(key, [&](const json& v, const std::string& p) -> Status {
      Reader r(v, p);
      JZ_RETURN_IF_ERROR(r.object({"source", "locator"}));
      Citation c;
      JZ_RETURN_IF_ERROR(r.string("source", c.source, true));
      JZ_RETURN_IF_ERROR(check_id(r.at("source"), c.source, "s"));
      JZ_RETURN_IF_ERROR(r.string("locator", c.locator));
      out.push_back(std::move(c));
      return Status::ok();
    });
  }

  template <typename F>
  Status array(std::string_view key, F each) const {
    const json* v = find(key);
    if (!v) return Status::ok();
    if (!v->is_array()) return error(key, "expected a list");
    for (std::size_t i = 0; i < v->size(); ++i)
      JZ_RETURN_IF_ERROR(each((*v)[i], at(key) + "/" + std::to_string(i)));
    return Status::ok();
  }

  static Status check_id(const std::string& path, const std::string& id, std::string_view letters) {
    if (id.empty()) return Status::ok();
    if (!is_valid_id(id))
      return Status::invalid(path + ": \"" + id + "\" is not a record id (a kind letter and 10 " +
                             "characters of 0-9a-z without i, l, o, u)");
    if (!letters.empty() && letters.find(id[0]) == std::string_view::npos)
      return Status::invalid(path + ": \"" + id + "\" names the wrong kind of record here");
    return Status::ok();
  }

 private:
  const json& j_;
  std::string path_;
};

// ISO 639: two lowercase letters (639-1, "zh") or three (639-2/3, "zho", "cmn", "uig").
bool is_language_code(std::string_view code) {
  return code.size() >= 2 && code.size() <= 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Each value of a list once: a language or an expertise listed twice is a mistake.
Status check_unique(const Reader& r, std::string_view key, const std::vector<std::string>& v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (std::find(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v[i]) != v.begin() + i)
      return Status::invalid(r.at(key) + "/" + std::to_string(i) + ": \"" + v[i] +
                             "\" is listed twice");
  return Status::ok();
}

Status decode(const Reader& r, Lawyer& l) {
  JZ_RETURN_IF_ERROR(r.object({"licence", "bar", "foreign", "languages", "expertise",
                               "availability", "asked_confidentiality"}));
  JZ_RETURN_IF_ERROR(r.string("licence", l.licence));
  JZ_RETURN_IF_ERROR(r.text("bar", l.bar));
  JZ_RETURN_IF_ERROR(r.boolean("foreign", l.foreign));
  JZ_RETURN_IF_ERROR(r.array("languages", [&](const json& v, const std::string& p) -> Status {
    if (!v.is_string()) return Status::invalid(p + ": expected a language code string");
    std::string code = v.get<std::string>();
    if (!is_language_code(code))
      return Status::invalid(p + ": \"" + code +
                             "\" is not an ISO 639 language code; write 2 or 3 lowercase "
                             "letters, such as \"zh\", \"en\", \"ug\" or \"bo\"");
    l.languages.push_back(std::move(code));
    return Status::ok();
  }));
  JZ_RETURN_IF_ERROR(check_unique(r, "languages", l.languages));
  JZ_RETURN_IF_ERROR(r.strings("expertise", l.expertise, vocab::lawyer_expertise()));
  JZ_RETURN_IF_ERROR(check_unique(r, "expertise", l.expertise));
  JZ_RETURN_IF_ERROR(r.choice("availability", vocab::lawyer_availability(), l.availability));
  return r.boolean("asked_confidentiality", l.asked_confidentiality);
}

Status decode(const Reader& r, Person& p) {
  JZ_RETURN_IF_ERROR(r.object({"name", "aliases", "gender", "born", "died", "ethnicity", "province",
                               "home_place", "groups", "health", "status", "status_verified",
                               "status_note", "summary", "lawyer"}));
  JZ_RETURN_IF_ERROR(r.text("name", p.name, true));
  JZ_RETURN_IF_ERROR(r.array("aliases", [&](const json& v, const std::string& path) -> Status {
    Reader a(v, path);
    JZ_RETURN_IF_ERROR(a.object({"name", "system"}));
    Alias al;
    JZ_RETURN_IF_ERROR(a.string("name", al.name, true));
    JZ_RETURN_IF_ERROR(a.choice("system", vocab::alias_systems(), al.system, true));
    p.aliases.push_back(std::move(al));
    return Status::ok();
  }));
  JZ_RETURN_IF_ERROR(r.choice("gender", vocab::genders(), p.gender));
  JZ_RETURN_IF_ERROR(r.date("born", p.born));
  JZ_RETURN_IF_ERROR(r.date("died", p.died));
  JZ_RETURN_IF_ERROR(r.text("ethnicity", p.ethnicity));
  JZ_RETURN_IF_ERROR(r.choice("province", vocab::provinces(), p.province));
  JZ_RETURN_IF_ERROR(r.text("home_place", p.home_place));
  JZ_RETURN_IF_ERROR(r.strings("groups", p.groups, vocab::person_groups()));
  JZ_RETURN_IF_ERROR(r.text("health", p.health));
  p.status.clear();
  JZ_RETURN_IF_ERROR(r.choice("status", vocab::person_statuses(), p.status));
  if (p.status.empty()) p.status = "unknown";
  JZ_RETURN_IF_ERROR(r.date("status_verified", p.status_verified));
  JZ_RETURN_IF_ERROR(r.text("status_note", p.status_note));
  JZ_RETURN_IF_ERROR(r.text("summary", p.summary));
  if (const json* l = r.find("lawyer"))
    JZ_RETURN_IF_ERROR(decode(Reader(*l, r.at("lawyer")), p.lawyer));
  if (p.born && p.died && p.died->latest() < p.born->earliest())
    return r.error("died", "is before the date of birth");
  return Status::ok();
}

Status decode(const Reader& r, Case& c) {
  JZ_RETURN_IF_ERROR(r.object({"title", "summary", "persons", "topics", "charges", "facilities",
                               "lawyers", "sentence", "status", "featured"}));
  JZ_RETURN_IF_ERROR(r.text("title", c.title, true));
  JZ_RETURN_IF_ERROR(r.text("summary", c.summary));
  JZ_RETURN_IF_ERROR(r.ids("persons", c.persons, "p"));
  JZ_RETURN_IF_ERROR(r.ids("topics", c.topics, "t"));
  JZ_RETURN_IF_ERROR(r.array("charges", [&](const json& v, const std::string& path) -> Status {
    Reader a(v, path);
    JZ_RETURN_IF_ERROR(a.object({"name", "law", "article"}));
    Charge ch;
    JZ_RETURN_IF_ERROR(a.text("name", ch.name, true));
    JZ_RETURN_IF_ERROR(a.choice("law", vocab::charge_laws(), ch.law));
    JZ_RETURN_IF_ERROR(a.string("article", ch.article));
    c.charges.push_back(std::move(ch));
    return Status::ok();
  }));
  JZ_RETURN_IF_ERROR(r.ids("facilities", c.facilities, "f"));
  JZ_RETURN_IF_ERROR(r.ids("lawyers", c.lawyers, "po"));
  if (const json* s = r.find("sentence")) {
    Reader a(*s, r.at("sentence"));
    JZ_RETURN_IF_ERROR(a.object({"type", "years", "months", "ends", "text"}));
    JZ_RETURN_IF_ERROR(a.choice("type", vocab::sentence_types(), c.sentence.type));
    JZ_RETURN_IF_ERROR(a.integer("years", c.sentence.years, 0, 100));
    JZ_RETURN_IF_ERROR(a.integer("months", c.sentence.months, 0, 1200));
    JZ_RETURN_IF_ERROR(a.date("ends", c.sentence.ends));
    JZ_RETURN_IF_ERROR(a.text("text", c.sentence.text));
  }
  JZ_RETURN_IF_ERROR(r.boolean("featured", c.featured));
  return r.choice("status", vocab::case_statuses(), c.status);
}

Status decode(const Reader& r, Event& e) {
  JZ_RETURN_IF_ERROR(r.object(
      {"type", "date", "case", "persons", "place", "facility", "flags", "title", "notes"}));
  JZ_RETURN_IF_ERROR(r.choice("type", vocab::event_types(), e.type, true));
  Date d;
  JZ_RETURN_IF_ERROR(r.date("date", d));
  if (!d)
    return r.error("date",
                   "required; for an unknown date give the range it lies in (\"2009/2010\")");
  e.date = *d;
  JZ_RETURN_IF_ERROR(r.id("case", e.case_id, "c"));
  JZ_RETURN_IF_ERROR(r.ids("persons", e.persons, "p"));
  JZ_RETURN_IF_ERROR(r.text("place", e.place));
  JZ_RETURN_IF_ERROR(r.id("facility", e.facility, "f"));
  JZ_RETURN_IF_ERROR(r.strings("flags", e.flags, vocab::event_flags()));
  JZ_RETURN_IF_ERROR(r.text("title", e.title));
  return r.text("notes", e.notes);
}

Status decode(const Reader& r, Facility& f) {
  JZ_RETURN_IF_ERROR(
      r.object({"type", "name", "aliases", "province", "county", "location", "authority",
                "legal_basis", "opened", "closed", "conditions", "summary"}));
  JZ_RETURN_IF_ERROR(r.choice("type", vocab::facility_types(), f.type, true));
  JZ_RETURN_IF_ERROR(r.text("name", f.name, true));
  JZ_RETURN_IF_ERROR(r.array("aliases", [&](const json& v, const std::string& path) -> Status {
    Text t;
    JZ_RETURN_IF_ERROR(Reader::decode_text(v, path, t));
    f.aliases.push_back(std::move(t));
    return Status::ok();
  }));
  JZ_RETURN_IF_ERROR(r.choice("province", vocab::provinces(), f.province));
  JZ_RETURN_IF_ERROR(r.text("county", f.county));
  if (const json* loc = r.find("location")) {
    Reader a(*loc, r.at("location"));
    JZ_RETURN_IF_ERROR(a.object({"lat", "lon"}));
    const json* lat = a.find("lat");
    const json* lon = a.find("lon");
    if (!lat || !lat->is_number() || !lon || !lon->is_number())
      return r.error("location", "needs numbers \"lat\" and \"lon\"");
    GeoPoint g{lat->get<double>(), lon->get<double>()};
    if (g.lat < -90 || g.lat > 90 || g.lon < -180 || g.lon > 180)
      return r.error("location", "latitude must be within ±90 and longitude within ±180");
    f.location = g;
  }
  JZ_RETURN_IF_ERROR(r.text("authority", f.authority));
  JZ_RETURN_IF_ERROR(r.text("legal_basis", f.legal_basis));
  JZ_RETURN_IF_ERROR(r.date("opened", f.opened));
  JZ_RETURN_IF_ERROR(r.date("closed", f.closed));
  JZ_RETURN_IF_ERROR(r.array("conditions", [&](const json& v, const std::string& path) -> Status {
    Reader a(v, path);
    JZ_RETURN_IF_ERROR(a.object({"date", "text", "sources"}));
    ConditionsReport rep;
    JZ_RETURN_IF_ERROR(a.date("date", rep.date));
    JZ_RETURN_IF_ERROR(a.text("text", rep.text, true));
    JZ_RETURN_IF_ERROR(a.citations("sources", rep.sources));
    f.conditions.push_back(std::move(rep));
    return Status::ok();
  }));
  return r.text("summary", f.summary);
}

Status check_url(const Reader& r, std::string_view key, const std::string& url) {
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
    return r.error(key, "\"" + url + "\" must start with http:// or https://");
  if (url.find_first_of(" \t\r\n") != std::string::npos)
    return r.error(key, "a URL cannot contain spaces; encode them as %20");
  return Status::ok();
}

Status decode(const Reader& r, Organization& o) {
  JZ_RETURN_IF_ERROR(r.object({"type", "name", "province", "url", "summary"}));
  JZ_RETURN_IF_ERROR(r.choice("type", vocab::organization_types(), o.type, true));
  JZ_RETURN_IF_ERROR(r.text("name", o.name, true));
  JZ_RETURN_IF_ERROR(r.choice("province", vocab::provinces(), o.province));
  JZ_RETURN_IF_ERROR(r.string("url", o.url));
  JZ_RETURN_IF_ERROR(check_url(r, "url", o.url));
  return r.text("summary", o.summary);
}

Status decode(const Reader& r, Source& s) {
  JZ_RETURN_IF_ERROR(r.object({"type", "title", "url", "publisher", "published", "retrieved",
                               "reliability", "language", "file_hash"}));
  JZ_RETURN_IF_ERROR(r.choice("type", vocab::source_types(), s.type, true));
  JZ_RETURN_IF_ERROR(r.text("title", s.title, true));
  JZ_RETURN_IF_ERROR(r.string("url", s.url));
  JZ_RETURN_IF_ERROR(check_url(r, "url", s.url));
  JZ_RETURN_IF_ERROR(r.text("publisher", s.publisher));
  JZ_RETURN_IF_ERROR(r.date("published", s.published));
  JZ_RETURN_IF_ERROR(r.date("retrieved", s.retrieved));
  JZ_RETURN_IF_ERROR(r.choice("reliability", vocab::reliability_grades(), s.reliability));
  JZ_RETURN_IF_ERROR(r.string("language", s.language));
  JZ_RETURN_IF_ERROR(r.string("file_hash", s.file_hash));
  constexpr std::string_view kHashPrefix = "blake2b-256:";
  if (!s.file_hash.empty() &&
      (s.file_hash.rfind(kHashPrefix, 0) != 0 || s.file_hash.size() != kHashPrefix.size() + 64 ||
       s.file_hash.find_first_not_of("0123456789abcdef", kHashPrefix.size()) != std::string::npos))
    return r.error("file_hash", "expected \"blake2b-256:\" followed by 64 lowercase hex digits");
  return Status::ok();
}

Status decode(const Reader& r, Topic& t) {
  JZ_RETURN_IF_ERROR(r.object({"key", "title", "summary", "text"}));
  JZ_RETURN_IF_ERROR(r.string("key", t.key, true));
  if (t.key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
    return r.error("key", "use lowercase ASCII letters, digits and _");
  JZ_RETURN_IF_ERROR(r.text("title", t.title, true));
  JZ_RETURN_IF_ERROR(r.text("summary", t.summary));
  return r.text("text", t.text);
}

// ---- standing bodies and engagement

Status decode(const Reader& r, Treaty& t) {
  JZ_RETURN_IF_ERROR(r.object({"code", "type", "name", "monitoring_body", "parent", "adopted",
                               "signed", "ratified", "reservations", "summary"}));
  JZ_RETURN_IF_ERROR(r.string("code", t.code, true));
  if (t.code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != std::string::npos)
    return r.error("code", "use capital ASCII letters, digits and - (\"CAT\", \"OP-CRC-AC\")");
  JZ_RETURN_IF_ERROR(r.choice("type", vocab::treaty_types(), t.type, true));
  JZ_RETURN_IF_ERROR(r.text("name", t.name, true));
  JZ_RETURN_IF_ERROR(r.text("monitoring_body", t.monitoring_body));
  JZ_RETURN_IF_ERROR(r.id("parent", t.parent, "y"));
  JZ_RETURN_IF_ERROR(r.date("adopted", t.adopted));
  JZ_RETURN_IF_ERROR(r.date("signed", t.signed_on));
  JZ_RETURN_IF_ERROR(r.date("ratified", t.ratified));
  JZ_RETURN_IF_ERROR(r.array("reservations", [&](const json& v, const std::string& path) {
    Text text;
    JZ_RETURN_IF_ERROR(Reader::decode_text(v, path, text));
    t.reservations.push_back(std::move(text));
    return Status::ok();
  }));
  if (t.signed_on && t.adopted && t.signed_on->latest() < t.adopted->earliest())
    return r.error("signed", "is before the treaty was adopted");
  return r.text("summary", t.summary);
}

Status decode(const Reader& r, Review& v) {
  JZ_RETURN_IF_ERROR(r.object({"body", "treaty", "cycle", "title", "date", "state_report",
                               "documents", "submissions", "summary"}));
  JZ_RETURN_IF_ERROR(r.choice("body", vocab::review_bodies(), v.body, true));
  JZ_RETURN_IF_ERROR(r.id("treaty", v.treaty, "y"));
  JZ_RETURN_IF_ERROR(r.string("cycle", v.cycle));
  JZ_RETURN_IF_ERROR(r.text("title", v.title, true));
  JZ_RETURN_IF_ERROR(r.date("date", v.date));
  if (!v.date)
    return r.error("date", "required: when the review was or will be held (\"2009-02\")");
  JZ_RETURN_IF_ERROR(r.date("state_report", v.state_report));
  JZ_RETURN_IF_ERROR(r.array("documents", [&](const json& j, const std::string& path) {
    Reader a(j, path);
    JZ_RETURN_IF_ERROR(a.object({"symbol", "title", "url", "date"}));
    ReviewDocument d;
    JZ_RETURN_IF_ERROR(a.string("symbol", d.symbol));
    JZ_RETURN_IF_ERROR(a.text("title", d.title));
    JZ_RETURN_IF_ERROR(a.string("url", d.url));
    JZ_RETURN_IF_ERROR(check_url(a, "url", d.url));
    JZ_RETURN_IF_ERROR(a.date("date", d.date));
    if (d.symbol.empty() && d.title.empty())
      return Status::invalid(path + ": needs a \"symbol\" or a \"title\"");
    v.documents.push_back(std::move(d));
    return Status::ok();
  }));
  JZ_RETURN_IF_ERROR(r.ids("submissions", v.submissions, "s"));
  return r.text("summary", v.summary);
}

// An assessment: "date" (or "from") required, the value under `value_key` from `values`.
Status decode_assessment(const Reader& a, const char* date_key, const char* value_key,
                         vocab::List values, Assessment& out) {
  const bool period = std::string_view(date_key) == "from";
  if (period) {
    JZ_RETURN_IF_ERROR(a.object({"from", "to", "value", "text", "sources", "evidence"}));
  } else {
    JZ_RETURN_IF_ERROR(a.object({"date", "status", "text", "sources", "evidence"}));
  }
  JZ_RETURN_IF_ERROR(a.date(date_key, out.date));
  if (!out.date) return a.error(date_key, "required: when this was assessed");
  if (period) {
    JZ_RETURN_IF_ERROR(a.date("to", out.to));
    if (out.to && out.to->latest() < out.date->earliest())
      return a.error("to", "is before \"from\"");
  }
  JZ_RETURN_IF_ERROR(a.choice(value_key, values, out.value, true));
  JZ_RETURN_IF_ERROR(a.text("text", out.text));
  JZ_RETURN_IF_ERROR(a.citations("sources", out.sources));
  return a.ids("evidence", out.evidence, "");
}

// Assessments are listed oldest first: the last is where things stand now (the
// "implementation" facet, the scorecards, the charts).
Status check_in_date_order(const Reader& r, const std::vector<Assessment>& list,
                           const char* date_key) {
  for (std::size_t i = 1; i < list.size(); ++i)
    if (list[i].date->latest() < list[i - 1].date->earliest())
      return Status::invalid(r.at("assessments") + "/" + std::to_string(i) + "/" + date_key +
                             ": is before the assessment above it; list them oldest first");
  return Status::ok();
}

Status decode(const Reader& r, Recommendation& c) {
  JZ_RETURN_IF_ERROR(r.object({"review", "document", "paragraph", "text", "themes", "from",
                               "response", "response_text", "assessments"}));
  JZ_RETURN_IF_ERROR(r.id("review", c.review, "v"));
  if (c.review.empty()) return r.error("review", "required: the review it was made in");
  JZ_RETURN_IF_ERROR(r.string("document", c.document));
  JZ_RETURN_IF_ERROR(r.string("paragraph", c.paragraph));
  JZ_RETURN_IF_ERROR(r.text("text", c.text, true));
  JZ_RETURN_IF_ERROR(r.strings("themes", c.themes, vocab::rec_themes()));
  JZ_RETURN_IF_ERROR(check_unique(r, "themes", c.themes));
  // In the vocabulary's order: the order carries nothing, and the workspace's check boxes
  // give them back that way, so an edit that changes nothing stays unchanged.
  auto rank = [](const std::string& t) {
    auto list = vocab::rec_themes();
    return std::find(list.begin(), list.end(), t) - list.begin();
  };
  std::sort(c.themes.begin(), c.themes.end(),
            [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  JZ_RETURN_IF_ERROR(r.string("from", c.from));
  JZ_RETURN_IF_ERROR(r.choice("response", vocab::rec_responses(), c.response));
  JZ_RETURN_IF_ERROR(r.text("response_text", c.response_text));
  JZ_RETURN_IF_ERROR(r.array("assessments", [&](const json& j, const std::string& path) {
    Assessment a;
    JZ_RETURN_IF_ERROR(
        decode_assessment(Reader(j, path), "date", "status", vocab::implementation_statuses(), a));
    c.assessments.push_back(std::move(a));
    return Status::ok();
  }));
  return check_in_date_order(r, c.assessments, "date");
}

Status decode(const Reader& r, GroundRules& g) {
  JZ_RETURN_IF_ERROR(r.object({"publicity", "inclusiveness", "evaluation"}));
  JZ_RETURN_IF_ERROR(r.text("publicity", g.publicity));
  JZ_RETURN_IF_ERROR(r.text("inclusiveness", g.inclusiveness));
  return r.text("evaluation", g.evaluation);
}

Status decode(const Reader& r, EngagementRound& round) {
  JZ_RETURN_IF_ERROR(r.object(
      {"date", "place", "agenda", "civil_society", "outcomes", "progress", "event", "raised"}));
  JZ_RETURN_IF_ERROR(r.date("date", round.date));
  if (!round.date) return r.error("date", "required: when the round was held");
  JZ_RETURN_IF_ERROR(r.text("place", round.place));
  JZ_RETURN_IF_ERROR(r.text("agenda", round.agenda));
  JZ_RETURN_IF_ERROR(r.text("civil_society", round.civil_society));
  JZ_RETURN_IF_ERROR(r.text("outcomes", round.outcomes));
  JZ_RETURN_IF_ERROR(r.text("progress", round.progress));
  JZ_RETURN_IF_ERROR(r.id("event", round.event, "e"));
  return r.ids("raised", round.raised, "pc");
}

Status decode(const Reader& r, Commitment& c) {
  JZ_RETURN_IF_ERROR(
      r.object({"text", "made", "benchmark", "status", "assessed", "sources", "evidence"}));
  JZ_RETURN_IF_ERROR(r.text("text", c.text, true));
  JZ_RETURN_IF_ERROR(r.date("made", c.made));
  JZ_RETURN_IF_ERROR(r.text("benchmark", c.benchmark));
  JZ_RETURN_IF_ERROR(r.choice("status", vocab::commitment_statuses(), c.status, true));
  JZ_RETURN_IF_ERROR(r.date("assessed", c.assessed));
  JZ_RETURN_IF_ERROR(r.citations("sources", c.sources));
  return r.ids("evidence", c.evidence, "");
}

Status decode(const Reader& r, Engagement& g) {
  JZ_RETURN_IF_ERROR(r.object({"type", "name", "parties", "funder", "partners", "field", "from",
                               "to", "ground_rules", "summary", "rounds", "commitments"}));
  JZ_RETURN_IF_ERROR(r.choice("type", vocab::engagement_types(), g.type, true));
  JZ_RETURN_IF_ERROR(r.text("name", g.name, true));
  JZ_RETURN_IF_ERROR(r.text("parties", g.parties));
  JZ_RETURN_IF_ERROR(r.text("funder", g.funder));
  JZ_RETURN_IF_ERROR(r.ids("partners", g.partners, "o"));
  JZ_RETURN_IF_ERROR(r.text("field", g.field));
  JZ_RETURN_IF_ERROR(r.date("from", g.from));
  JZ_RETURN_IF_ERROR(r.date("to", g.to));
  if (g.from && g.to && g.to->latest() < g.from->earliest())
    return r.error("to", "is before \"from\"");
  if (const json* j = r.find("ground_rules"))
    JZ_RETURN_IF_ERROR(decode(Reader(*j, r.at("ground_rules")), g.ground_rules));
  JZ_RETURN_IF_ERROR(r.text("summary", g.summary));
  JZ_RETURN_IF_ERROR(r.array("rounds", [&](const json& j, const std::string& path) {
    EngagementRound round;
    JZ_RETURN_IF_ERROR(decode(Reader(j, path), round));
    g.rounds.push_back(std::move(round));
    return Status::ok();
  }));
  return r.array("commitments", [&](const json& j, const std::string& path) {
    Commitment c;
    JZ_RETURN_IF_ERROR(decode(Reader(j, path), c));
    g.commitments.push_back(std::move(c));
    return Status::ok();
  });
}

Status decode(const Reader& r, Indicator& n) {
  JZ_RETURN_IF_ERROR(r.object({"dimension", "title", "summary", "assessments"}));
  JZ_RETURN_IF_ERROR(r.choice("dimension", vocab::indicator_dimensions(), n.dimension, true));
  JZ_RETURN_IF_ERROR(r.text("title", n.title, true));
  JZ_RETURN_IF_ERROR(r.text("summary", n.summary));
  JZ_RETURN_IF_ERROR(r.array("assessments", [&](const json& j, const std::string& path) {
    Assessment a;
    JZ_RETURN_IF_ERROR(
        decode_assessment(Reader(j, path), "from", "value", vocab::trend_values(), a));
    n.assessments.push_back(std::move(a));
    return Status::ok();
  }));
  return check_in_date_order(r, n.assessments, "from");
}

template <typename T>
Result<Body> decode_body(const Reader& r) {
  T body;
  JZ_RETURN_IF_ERROR(decode(r, body));
  return Body(std::move(body));
}

Result<Body> decode_body(std::string_view kind, const Reader& r) {
  if (kind == "person") return decode_body<Person>(r);
  if (kind == "case") return decode_body<Case>(r);
  if (kind == "event") return decode_body<Event>(r);
  if (kind == "facility") return decode_body<Facility>(r);
  if (kind == "organization") return decode_body<Organization>(r);
  if (kind == "source") return decode_body<Source>(r);
  if (kind == "treaty") return decode_body<Treaty>(r);
  if (kind == "review") return decode_body<Review>(r);
  if (kind == "recommendation") return decode_body<Recommendation>(r);
  if (kind == "engagement") return decode_body<Engagement>(r);
  if (kind == "indicator") return decode_body<Indicator>(r);
  return decode_body<Topic>(r);
}

// A confidential pointer must name a field that exists (a typo would leak what it meant to
// hide) and hiding it must leave a valid record (a required field cannot be hidden).
Status check_confidential(const Record& record, const json& j) {
  for (std::size_t i = 0; i < record.confidential.size(); ++i) {
    const std::string& p = record.confidential[i];
    const std::string where = "/confidential/" + std::to_string(i) + ": ";
    if (p.rfind("/body/", 0) != 0 && p.rfind("/sources/", 0) != 0 && p.rfind("/links/", 0) != 0)
      return Status::invalid(where + "\"" + p +
                             "\" must point into /body, /sources or /links; to hide the whole "
                             "record set \"visibility\" instead");
    try {
      if (!j.contains(json::json_pointer(p)))
        return Status::invalid(where + "\"" + p + "\" names no field of this record");
    } catch (const json::exception&) {
      return Status::invalid(where + "\"" + p + "\" is not a JSON Pointer such as /body/health");
    }
  }
  if (!record.confidential.empty()) {
    auto hidden = remove_confidential_fields(record);
    if (!hidden)
      return Status::invalid("/confidential: hiding these fields leaves no valid public record (" +
                             hidden.status().message() +
                             "); make the whole record restricted or confidential instead");
  }
  return Status::ok();
}

}  // namespace

Result<Record> record_from_json(const json& j) {
  Reader r(j, "");
  JZ_RETURN_IF_ERROR(r.object({"id", "kind", "slug", "visibility", "confidential", "merged_into",
                               "created", "updated", "revision", "sources", "links", "body"}));
  Record rec;
  std::string kind;
  JZ_RETURN_IF_ERROR(r.choice("kind", vocab::kinds(), kind, true));
  JZ_RETURN_IF_ERROR(r.id("id", rec.id, std::string(1, id_letter(kind))));
  JZ_RETURN_IF_ERROR(r.string("slug", rec.slug));
  if (!rec.slug.empty() && !is_valid_slug(rec.slug))
    return r.error("slug", "use lowercase ASCII words joined by - (at most 80 characters)");
  rec.visibility.clear();
  JZ_RETURN_IF_ERROR(r.choice("visibility", vocab::visibilities(), rec.visibility));
  if (rec.visibility.empty()) rec.visibility = "public";
  JZ_RETURN_IF_ERROR(r.array("confidential", [&](const json& v, const std::string& p) -> Status {
    if (!v.is_string()) return Status::invalid(p + ": expected a JSON Pointer string");
    rec.confidential.push_back(v.get<std::string>());
    return Status::ok();
  }));
  JZ_RETURN_IF_ERROR(r.id("merged_into", rec.merged_into, std::string(1, id_letter(kind))));
  if (!rec.merged_into.empty() && rec.merged_into == rec.id)
    return r.error("merged_into", "a record cannot be merged into itself");
  if (!rec.merged_into.empty() && rec.visibility == "public")
    return r.error("merged_into", "a merged record is not public: make it restricted");
  JZ_RETURN_IF_ERROR(r.string("created", rec.created));
  JZ_RETURN_IF_ERROR(r.string("updated", rec.updated));
  for (auto [key, value] : {std::pair{"created", &rec.created}, {"updated", &rec.updated}})
    if (!value->empty() && !is_valid_timestamp(*value))
      return r.error(key, "expected UTC time as YYYY-MM-DDTHH:MM:SSZ");
  JZ_RETURN_IF_ERROR(r.integer("revision", rec.revision, 0, 1'000'000'000));
  JZ_RETURN_IF_ERROR(r.citations("sources", rec.sources));
  JZ_RETURN_IF_ERROR(r.array("links", [&](const json& v, const std::string& p) -> Status {
    Reader a(v, p);
    JZ_RETURN_IF_ERROR(a.object({"type", "target", "from", "to", "sources", "visibility", "note"}));
    Link l;
    JZ_RETURN_IF_ERROR(a.choice("type", vocab::link_types(), l.type, true));
    JZ_RETURN_IF_ERROR(a.string("target", l.target, true));
    JZ_RETURN_IF_ERROR(a.id("target", l.target, ""));
    JZ_RETURN_IF_ERROR(a.date("from", l.from));
    JZ_RETURN_IF_ERROR(a.date("to", l.to));
    JZ_RETURN_IF_ERROR(a.citations("sources", l.sources));
    l.visibility.clear();
    JZ_RETURN_IF_ERROR(a.choice("visibility", vocab::visibilities(), l.visibility));
    if (l.visibility.empty()) l.visibility = "public";
    JZ_RETURN_IF_ERROR(a.text("note", l.note));
    rec.links.push_back(std::move(l));
    return Status::ok();
  }));
  const json* body = r.find("body");
  if (!body) return r.error("body", "required");
  auto decoded = decode_body(kind, Reader(*body, "/body"));
  if (!decoded) return decoded.status();
  rec.body = std::move(*decoded);
  // Confidential by default where a lawyer asks: whatever visibility was written, a lawyer
  // who asked for confidentiality is not public. Decided here, so every way in (import, the
  // workspace's form, a merge) agrees, and every way out (public_view, the store's list of
  // non-public ids, search, facets) hides the record without knowing why.
  if (const auto* p = std::get_if<Person>(&rec.body);
      p && p->lawyer.asked_confidentiality && rec.visibility == "public")
    rec.visibility = "restricted";
  JZ_RETURN_IF_ERROR(check_confidential(rec, j));
  return rec;
}

Result<Record> parse_record(std::string_view text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    // nlohmann counts bytes from 1; callers that know the line turn it into a column.
    std::string what = e.what();
    return Status::invalid("byte " + std::to_string(e.byte) + ": not valid JSON (" +
                           what.substr(what.find(':') + 2) + ")");
  } catch (const json::exception& e) {
    // A number too large for a double (found by fuzzing: "2E989") has no byte position.
    std::string what = e.what();
    return Status::invalid("byte 1: not valid JSON (" + what.substr(what.find(']') + 2) + ")");
  }
  return record_from_json(j);
}

bool is_valid_slug(std::string_view s) {
  if (s.empty() || s.size() > 80 || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

bool is_valid_timestamp(std::string_view ts) {
  // YYYY-MM-DDTHH:MM:SSZ
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (ts.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    if (kShape[i] == 'd' ? (ts[i] < '0' || ts[i] > '9') : ts[i] != kShape[i]) return false;
  }
  return true;
}

}  // namespace jz
