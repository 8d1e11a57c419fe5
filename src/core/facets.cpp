#include "core/facets.hpp"

#include "core/redact.hpp"

namespace jz {
namespace {

void add(std::vector<Facet>& out, const char* name, const std::string& value) {
  if (!value.empty()) out.push_back({name, value});
}

struct Collect {
  std::vector<Facet>& out;
  void operator()(const Person& p) {
    add(out, "status", p.status);
    add(out, "province", p.province);
    add(out, "gender", p.gender);
    for (const auto& g : p.groups) add(out, "group", g);
  }
  void operator()(const Case& c) {
    add(out, "status", c.status);
    for (const auto& t : c.topics) add(out, "topic", t);
    if (c.featured) add(out, "featured", "yes");
  }
  void operator()(const Event& e) { add(out, "type", e.type); }
  void operator()(const Facility& f) {
    add(out, "type", f.type);
    add(out, "province", f.province);
  }
  void operator()(const Organization& o) {
    add(out, "type", o.type);
    add(out, "province", o.province);
  }
  void operator()(const Source& s) {
    add(out, "type", s.type);
    add(out, "reliability", s.reliability);
  }
  void operator()(const Topic&) {}
  void operator()(const Treaty& t) { add(out, "type", t.type); }
  void operator()(const Review& v) { add(out, "body", v.body); }
  void operator()(const Recommendation& c) {
    add(out, "response", c.response);
    for (const auto& t : c.themes) add(out, "theme", t);
    // The latest assessment says where it stands now.
    if (!c.assessments.empty()) add(out, "implementation", c.assessments.back().value);
  }
  void operator()(const Engagement& g) { add(out, "type", g.type); }
  void operator()(const Indicator& n) { add(out, "dimension", n.dimension); }
};

}  // namespace

Result<std::vector<Facet>> public_facets(const Record& record) {
  std::vector<Facet> out;
  if (record.visibility != "public") return out;
  auto shown = remove_confidential_fields(record);
  if (!shown) return shown.status();
  std::visit(Collect{out}, shown->body);
  return out;
}

}  // namespace jz
