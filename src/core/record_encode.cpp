// Records to canonical JSON: keys in the order of docs/RECORDS.md, empty fields left out,
// written straight into a string.
#include "core/json_writer.hpp"
#include "core/record_json.hpp"

namespace jz {
namespace {

// Each put writes a field only when it has a value.
void put(JsonWriter& w, const char* key, const std::string& s) {
  if (!s.empty()) w.key(key).value(s);
}
void put(JsonWriter& w, const char* key, int n) {
  if (n) w.key(key).value(static_cast<long long>(n));
}
void write(JsonWriter& w, const Text& t) {
  w.begin_object();
  put(w, "zh", t.zh);
  put(w, "zh_hant", t.zh_hant);
  put(w, "en", t.en);
  w.end_object();
}
void put(JsonWriter& w, const char* key, const Text& t) {
  if (t.empty()) return;
  w.key(key);
  write(w, t);
}
void put(JsonWriter& w, const char* key, const Date& d) {
  if (d) w.key(key).value(d->to_string());
}
void put(JsonWriter& w, const char* key, const std::vector<std::string>& v) {
  if (v.empty()) return;
  w.key(key).begin_array();
  for (const auto& s : v) w.value(s);
  w.end_array();
}
void put(JsonWriter& w, const char* key, const std::vector<Citation>& cs) {
  if (cs.empty()) return;
  w.key(key).begin_array();
  for (const auto& c : cs) {
    w.begin_object();
    put(w, "source", c.source);
    put(w, "locator", c.locator);
    w.end_object();
  }
  w.end_array();
}

void write(JsonWriter& w, const Person& p) {
  put(w, "name", p.name);
  if (!p.aliases.empty()) {
    w.key("aliases").begin_array();
    for (const auto& a : p.aliases)
      w.begin_object().key("name").value(a.name).key("system").value(a.system).end_object();
    w.end_array();
  }
  put(w, "gender", p.gender);
  put(w, "born", p.born);
  put(w, "died", p.died);
  put(w, "ethnicity", p.ethnicity);
  put(w, "province", p.province);
  put(w, "home_place", p.home_place);
  put(w, "groups", p.groups);
  put(w, "health", p.health);
  put(w, "status", p.status);
  put(w, "status_verified", p.status_verified);
  put(w, "status_note", p.status_note);
  put(w, "summary", p.summary);
  if (const Lawyer& l = p.lawyer; !l.empty()) {
    w.key("lawyer").begin_object();
    put(w, "licence", l.licence);
    put(w, "bar", l.bar);
    if (l.foreign) w.key("foreign").boolean(true);
    put(w, "languages", l.languages);
    put(w, "expertise", l.expertise);
    put(w, "availability", l.availability);
    if (l.asked_confidentiality) w.key("asked_confidentiality").boolean(true);
    w.end_object();
  }
}

void write(JsonWriter& w, const Case& c) {
  put(w, "title", c.title);
  put(w, "summary", c.summary);
  put(w, "persons", c.persons);
  put(w, "topics", c.topics);
  if (!c.charges.empty()) {
    w.key("charges").begin_array();
    for (const auto& ch : c.charges) {
      w.begin_object();
      put(w, "name", ch.name);
      put(w, "law", ch.law);
      put(w, "article", ch.article);
      w.end_object();
    }
    w.end_array();
  }
  put(w, "facilities", c.facilities);
  put(w, "lawyers", c.lawyers);
  if (!c.sentence.empty()) {
    w.key("sentence").begin_object();
    put(w, "type", c.sentence.type);
    put(w, "years", c.sentence.years);
    put(w, "months", c.sentence.months);
    put(w, "ends", c.sentence.ends);
    put(w, "text", c.sentence.text);
    w.end_object();
  }
  put(w, "status", c.status);
  if (c.featured) w.key("featured").boolean(true);
}

void write(JsonWriter& w, const Event& e) {
  put(w, "type", e.type);
  w.key("date").value(e.date.to_string());
  put(w, "case", e.case_id);
  put(w, "persons", e.persons);
  put(w, "place", e.place);
  put(w, "facility", e.facility);
  put(w, "flags", e.flags);
  put(w, "title", e.title);
  put(w, "notes", e.notes);
}

void write(JsonWriter& w, const Facility& f) {
  put(w, "type", f.type);
  put(w, "name", f.name);
  if (!f.aliases.empty()) {
    w.key("aliases").begin_array();
    for (const auto& t : f.aliases) write(w, t);
    w.end_array();
  }
  put(w, "province", f.province);
  put(w, "county", f.county);
  if (f.location)
    w.key("location")
        .begin_object()
        .key("lat")
        .value(f.location->lat)
        .key("lon")
        .value(f.location->lon)
        .end_object();
  put(w, "authority", f.authority);
  put(w, "legal_basis", f.legal_basis);
  put(w, "opened", f.opened);
  put(w, "closed", f.closed);
  if (!f.conditions.empty()) {
    w.key("conditions").begin_array();
    for (const auto& r : f.conditions) {
      w.begin_object();
      put(w, "date", r.date);
      put(w, "text", r.text);
      put(w, "sources", r.sources);
      w.end_object();
    }
    w.end_array();
  }
  put(w, "summary", f.summary);
}

void write(JsonWriter& w, const Organization& o) {
  put(w, "type", o.type);
  put(w, "name", o.name);
  put(w, "province", o.province);
  put(w, "url", o.url);
  put(w, "summary", o.summary);
}

void write(JsonWriter& w, const Source& s) {
  put(w, "type", s.type);
  put(w, "title", s.title);
  put(w, "url", s.url);
  put(w, "publisher", s.publisher);
  put(w, "published", s.published);
  put(w, "retrieved", s.retrieved);
  put(w, "reliability", s.reliability);
  put(w, "language", s.language);
  put(w, "file_hash", s.file_hash);
}

void write(JsonWriter& w, const Topic& t) {
  put(w, "key", t.key);
  put(w, "title", t.title);
  put(w, "summary", t.summary);
  put(w, "text", t.text);
}

// ---- standing bodies and engagement

void put(JsonWriter& w, const char* key, const std::vector<Text>& texts) {
  if (texts.empty()) return;
  w.key(key).begin_array();
  for (const auto& t : texts) write(w, t);
  w.end_array();
}

void write(JsonWriter& w, const Treaty& t) {
  put(w, "code", t.code);
  put(w, "type", t.type);
  put(w, "name", t.name);
  put(w, "monitoring_body", t.monitoring_body);
  put(w, "parent", t.parent);
  put(w, "adopted", t.adopted);
  put(w, "signed", t.signed_on);
  put(w, "ratified", t.ratified);
  put(w, "reservations", t.reservations);
  put(w, "summary", t.summary);
}

void write(JsonWriter& w, const Review& v) {
  put(w, "body", v.body);
  put(w, "treaty", v.treaty);
  put(w, "cycle", v.cycle);
  put(w, "title", v.title);
  put(w, "date", v.date);
  put(w, "state_report", v.state_report);
  if (!v.documents.empty()) {
    w.key("documents").begin_array();
    for (const auto& d : v.documents) {
      w.begin_object();
      put(w, "symbol", d.symbol);
      put(w, "title", d.title);
      put(w, "url", d.url);
      put(w, "date", d.date);
      w.end_object();
    }
    w.end_array();
  }
  put(w, "submissions", v.submissions);
  put(w, "summary", v.summary);
}

// Recommendations write "date" and "status"; indicators "from", "to" and "value".
void put(JsonWriter& w, const char* key, const std::vector<Assessment>& list, bool period) {
  if (list.empty()) return;
  w.key(key).begin_array();
  for (const auto& a : list) {
    w.begin_object();
    put(w, period ? "from" : "date", a.date);
    if (period) put(w, "to", a.to);
    put(w, period ? "value" : "status", a.value);
    put(w, "text", a.text);
    put(w, "sources", a.sources);
    put(w, "evidence", a.evidence);
    w.end_object();
  }
  w.end_array();
}

void write(JsonWriter& w, const Recommendation& c) {
  put(w, "review", c.review);
  put(w, "document", c.document);
  put(w, "paragraph", c.paragraph);
  put(w, "text", c.text);
  put(w, "themes", c.themes);
  put(w, "from", c.from);
  put(w, "response", c.response);
  put(w, "response_text", c.response_text);
  put(w, "assessments", c.assessments, false);
}

void write(JsonWriter& w, const Engagement& g) {
  put(w, "type", g.type);
  put(w, "name", g.name);
  put(w, "parties", g.parties);
  put(w, "funder", g.funder);
  put(w, "partners", g.partners);
  put(w, "field", g.field);
  put(w, "from", g.from);
  put(w, "to", g.to);
  if (!g.ground_rules.empty()) {
    w.key("ground_rules").begin_object();
    put(w, "publicity", g.ground_rules.publicity);
    put(w, "inclusiveness", g.ground_rules.inclusiveness);
    put(w, "evaluation", g.ground_rules.evaluation);
    w.end_object();
  }
  put(w, "summary", g.summary);
  if (!g.rounds.empty()) {
    w.key("rounds").begin_array();
    for (const auto& r : g.rounds) {
      w.begin_object();
      put(w, "date", r.date);
      put(w, "place", r.place);
      put(w, "agenda", r.agenda);
      put(w, "civil_society", r.civil_society);
      put(w, "outcomes", r.outcomes);
      put(w, "progress", r.progress);
      put(w, "event", r.event);
      put(w, "raised", r.raised);
      w.end_object();
    }
    w.end_array();
  }
  if (!g.commitments.empty()) {
    w.key("commitments").begin_array();
    for (const auto& c : g.commitments) {
      w.begin_object();
      put(w, "text", c.text);
      put(w, "made", c.made);
      put(w, "benchmark", c.benchmark);
      put(w, "status", c.status);
      put(w, "assessed", c.assessed);
      put(w, "sources", c.sources);
      put(w, "evidence", c.evidence);
      w.end_object();
    }
    w.end_array();
  }
}

void write(JsonWriter& w, const Indicator& n) {
  put(w, "dimension", n.dimension);
  put(w, "title", n.title);
  put(w, "summary", n.summary);
  put(w, "assessments", n.assessments, true);
}

}  // namespace

std::string to_canonical_json(const Record& r) {
  JsonWriter w;
  w.begin_object();
  put(w, "id", r.id);
  w.key("kind").value(r.kind());
  put(w, "slug", r.slug);
  w.key("visibility").value(r.visibility);
  put(w, "confidential", r.confidential);
  put(w, "merged_into", r.merged_into);
  put(w, "created", r.created);
  put(w, "updated", r.updated);
  put(w, "revision", r.revision);
  put(w, "sources", r.sources);
  if (!r.links.empty()) {
    w.key("links").begin_array();
    for (const auto& l : r.links) {
      w.begin_object().key("type").value(l.type).key("target").value(l.target);
      put(w, "from", l.from);
      put(w, "to", l.to);
      put(w, "sources", l.sources);
      if (l.visibility != "public") w.key("visibility").value(l.visibility);
      put(w, "note", l.note);
      w.end_object();
    }
    w.end_array();
  }
  w.key("body").begin_object();
  std::visit([&w](const auto& b) { write(w, b); }, r.body);
  w.end_object().end_object();
  return w.take();
}

nlohmann::ordered_json to_json(const Record& r) {
  return nlohmann::ordered_json::parse(to_canonical_json(r));
}

}  // namespace jz
