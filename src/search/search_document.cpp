#include "search/search_document.hpp"

#include <set>

#include "core/facets.hpp"
#include "core/redact.hpp"
#include "search/pinyin.hpp"

namespace jz::search {
namespace {

constexpr int kMaxYearsSpanned = 80;  // an open-ended range still names a bounded set

void add(std::string& column, std::string_view text) {
  if (text.empty()) return;
  if (!column.empty()) column += '\n';
  column += text;
}

void add(std::string& column, const Text& text) {
  add(column, text.zh);
  if (text.zh_hant != text.zh) add(column, text.zh_hant);
  add(column, text.en);
}

struct Collect {
  SearchDocument& doc;
  std::set<int>& years;

  void name(const std::string& text) {
    add(doc.names, text);
    add(doc.pinyin, name_pinyin(text));
  }
  void name(const Text& text) {
    name(text.zh);
    if (text.zh_hant != text.zh) add(doc.names, text.zh_hant);  // same pinyin as zh
    add(doc.names, text.en);
  }
  void span(const Date& from, const Date& to) {
    if (!from && !to) return;
    int first = from ? from->from().year : to->from().year;
    int last = to ? to->to().year : from->to().year;
    if (from && from->to().open) last = first;
    if (to && to->from().open) first = last;
    for (int y = first; y <= last && y - first < kMaxYearsSpanned; ++y)
      if (y > 0) years.insert(y);
  }
  void on(const Date& date) { span(date, date); }

  void operator()(const Person& p) {
    name(p.name);
    for (const auto& a : p.aliases) name(a.name);
    for (const Text* t : {&p.ethnicity, &p.home_place, &p.health, &p.status_note, &p.summary})
      add(doc.body, *t);
  }
  void operator()(const Case& c) {
    add(doc.title, c.title);
    add(doc.body, c.summary);
    for (const auto& charge : c.charges) add(doc.body, charge.name);
    add(doc.body, c.sentence.text);
    on(c.sentence.ends);
  }
  void operator()(const Event& e) {
    add(doc.title, e.title);
    add(doc.body, e.place);
    add(doc.body, e.notes);
    on(e.date);
  }
  void operator()(const Facility& f) {
    name(f.name);
    for (const auto& a : f.aliases) name(a);
    for (const Text* t : {&f.county, &f.authority, &f.legal_basis, &f.summary}) add(doc.body, *t);
    for (const auto& report : f.conditions) {
      add(doc.body, report.text);
      on(report.date);
    }
    span(f.opened, f.closed);
  }
  void operator()(const Organization& o) {
    name(o.name);
    add(doc.body, o.summary);
  }
  void operator()(const Source& s) {
    add(doc.title, s.title);
    add(doc.body, s.publisher);
    on(s.published);
  }
  void operator()(const Topic& t) {
    add(doc.title, t.title);
    add(doc.body, t.summary);
    add(doc.body, t.text);
  }
  void operator()(const Treaty& t) {
    name(t.name);
    add(doc.names, t.code);
    add(doc.body, t.monitoring_body);
    for (const auto& r : t.reservations) add(doc.body, r);
    add(doc.body, t.summary);
    on(t.ratified);
  }
  void operator()(const Review& v) {
    add(doc.title, v.title);
    add(doc.body, v.cycle);
    for (const auto& d : v.documents) {
      add(doc.body, d.symbol);
      add(doc.body, d.title);
    }
    add(doc.body, v.summary);
    on(v.date);
  }
  void operator()(const Recommendation& c) {
    add(doc.title, c.text);
    add(doc.body, c.from);
    add(doc.body, c.document);
    add(doc.body, c.response_text);
    for (const auto& a : c.assessments) add(doc.body, a.text);
  }
  void operator()(const Engagement& g) {
    name(g.name);
    for (const Text* t : {&g.parties, &g.funder, &g.field, &g.summary}) add(doc.body, *t);
    for (const auto& r : g.rounds)
      for (const Text* t : {&r.place, &r.agenda, &r.outcomes, &r.progress}) add(doc.body, *t);
    for (const auto& c : g.commitments) add(doc.body, c.text);
    span(g.from, g.to);
  }
  void operator()(const Indicator& n) {
    add(doc.title, n.title);
    add(doc.body, n.summary);
    for (const auto& a : n.assessments) add(doc.body, a.text);
  }
};

}  // namespace

Result<std::optional<SearchDocument>> search_document(const Record& record) {
  // The document holds no references and no link notes (below), so which records are public
  // does not change it; its fields come through the one redaction path all the same.
  auto shown = public_view(record, [](std::string_view) { return true; });
  if (!shown) return std::optional<SearchDocument>();
  auto facets = public_facets(*shown);
  if (!facets) return facets.status();

  SearchDocument doc;
  doc.id = shown->id;
  doc.kind = std::string(shown->kind());
  doc.facets = std::move(*facets);
  std::set<int> years;
  Collect collect{doc, years};
  std::visit(collect, shown->body);
  // Links are left out, their notes and dates too: whether a link may show depends on its
  // target staying public, which can change without this record being written again (a
  // link's year would date the record by a hidden connection).
  for (int y : years) doc.facets.push_back({"year", std::to_string(y)});
  return std::optional<SearchDocument>(std::move(doc));
}

}  // namespace jz::search
