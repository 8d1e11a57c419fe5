#include "monitor/law.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "core/partial_date.hpp"
#include "core/vocabulary.hpp"

namespace jz::monitor {

std::string_view embedded_criminal_procedure_law();  // law_data.cpp, generated

namespace {

using nlohmann::json;
using namespace std::string_view_literals;

constexpr std::array kCaseGrounds{"state_security"sv, "terrorism"sv, "major_bribery"sv};
constexpr std::array kFlagGrounds{"state_secrets"sv, "personal_privacy"sv, "minor"sv,
                                  "trade_secrets"sv};
constexpr std::array kClaimGrounds{"impossible_to_notify"sv, "hinders_investigation"sv};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// Reads one object of the file, naming the JSON path in every error.
class Reader {
 public:
  Reader(const json& j, std::string path) : j_(j), path_(std::move(path)) {}
  std::string at(std::string_view key) const { return path_ + "/" + std::string(key); }
  Status error(std::string_view key, const std::string& what) const {
    return Status::invalid(at(key) + ": " + what);
  }
  const json* find(std::string_view key) const {
    auto it = j_.find(key);
    return it == j_.end() || it->is_null() ? nullptr : &*it;
  }
  Status string(std::string_view key, std::string& out, bool required) const {
    const json* v = find(key);
    if (!v) return required ? error(key, "required") : Status::ok();
    if (!v->is_string()) return error(key, "expected a string");
    out = v->get<std::string>();
    return Status::ok();
  }
  Status text(std::string_view key, Text& out, bool required) const {
    const json* v = find(key);
    if (!v) return required ? error(key, "required") : Status::ok();
    if (!v->is_object()) return error(key, "expected {\"zh\": ..., \"en\": ...}");
    Reader t(*v, at(key));
    JZ_RETURN_IF_ERROR(t.string("zh", out.zh, required));
    return t.string("en", out.en, required);
  }
  Status events(std::string_view key, std::vector<std::string>& out, bool required) const {
    const json* v = find(key);
    if (!v) return required ? error(key, "required") : Status::ok();
    if (!v->is_array()) return error(key, "expected a list of event types");
    for (const auto& e : *v) {
      if (!e.is_string() || !vocab::contains(vocab::event_types(), e.get<std::string>()))
        return error(key, e.dump() + " is not an event type (" +
                              vocab::describe(vocab::event_types()) + ")");
      out.push_back(e.get<std::string>());
    }
    if (required && out.empty()) return error(key, "needs at least one event type");
    return Status::ok();
  }
  Status source(std::string_view key, TextSource& out) const {
    const json* v = find(key);
    if (!v) return Status::ok();
    Reader s(*v, at(key));
    JZ_RETURN_IF_ERROR(s.string("title", out.title, true));
    JZ_RETURN_IF_ERROR(s.string("url", out.url, false));
    JZ_RETURN_IF_ERROR(s.string("note", out.note, false));
    if (const json* b = s.find("secondary")) {
      if (!b->is_boolean()) return s.error("secondary", "expected true or false");
      out.secondary = b->get<bool>();
    }
    return Status::ok();
  }
  Status duration(std::string_view key, std::optional<Duration>& out) const {
    const json* v = find(key);
    if (!v) return Status::ok();
    if (!v->is_string()) return error(key, "expected a period such as \"3 days\"");
    auto d = parse_duration(v->get<std::string>());
    if (!d) return error(key, d.status().message());
    out = *d;
    return Status::ok();
  }
  Status flag(std::string_view key, bool& out) const {
    const json* v = find(key);
    if (!v) return Status::ok();
    if (!v->is_boolean()) return error(key, "expected true or false");
    out = v->get<bool>();
    return Status::ok();
  }
  template <typename F>
  Status each(std::string_view key, F&& fn) const {
    const json* v = find(key);
    if (!v) return Status::ok();
    if (!v->is_array()) return error(key, "expected a list");
    for (std::size_t i = 0; i < v->size(); ++i)
      JZ_RETURN_IF_ERROR(fn(Reader((*v)[i], at(key) + "/" + std::to_string(i))));
    return Status::ok();
  }
  const json& value() const { return j_; }
  const std::string& path() const { return path_; }

 private:
  const json& j_;
  std::string path_;
};

// Days are compared in units of their own: a month is never shorter than 28 days.
long approximate_days(Duration d) {
  return d.unit == Unit::kHours ? d.amount / 24 : d.unit == Unit::kDays ? d.amount : d.amount * 28L;
}

Status parse_version(const Reader& r, LawVersion& v) {
  JZ_RETURN_IF_ERROR(r.string("version", v.version, true));
  std::string in_force;
  JZ_RETURN_IF_ERROR(r.string("in_force", in_force, true));
  // "1997-01-01..2012-12-31", or "2018-10-26.." while in force.
  auto dots = in_force.find("..");
  auto from = PartialDate::parse(in_force.substr(0, dots));
  auto to = dots == std::string::npos || dots + 2 == in_force.size()
                ? Result<PartialDate>(Status::not_found(""))
                : PartialDate::parse(in_force.substr(dots + 2));
  if (dots == std::string::npos || !from || !from->is_exact_day() ||
      (dots + 2 != in_force.size() && (!to || !to->is_exact_day())))
    return r.error("in_force", "expected \"YYYY-MM-DD..YYYY-MM-DD\" or \"YYYY-MM-DD..\"");
  v.from = from->earliest();
  if (to) v.to = to->latest();
  return r.source("text_source", v.text_source);
}

Status parse_rule(const Reader& r, const Law& law, Rule& rule) {
  JZ_RETURN_IF_ERROR(r.string("id", rule.id, true));
  JZ_RETURN_IF_ERROR(r.string("clock", rule.clock, true));
  JZ_RETURN_IF_ERROR(r.string("version", rule.version, true));
  auto version = std::find_if(law.versions.begin(), law.versions.end(),
                              [&](const LawVersion& v) { return v.version == rule.version; });
  if (version == law.versions.end())
    return r.error("version", "\"" + rule.version + "\" is not one of the file's versions");
  rule.source = version->text_source;
  JZ_RETURN_IF_ERROR(r.source("source", rule.source));
  JZ_RETURN_IF_ERROR(r.string("article", rule.article, true));
  JZ_RETURN_IF_ERROR(r.text("quote", rule.quote, true));
  JZ_RETURN_IF_ERROR(r.text("summary", rule.summary, true));
  std::string kind = "deadline";
  JZ_RETURN_IF_ERROR(r.string("kind", kind, false));
  if (kind == "public_hearing")
    rule.kind = Rule::Kind::kPublicHearing;
  else if (kind != "deadline")
    return r.error("kind", "expected \"deadline\" or \"public_hearing\"");
  JZ_RETURN_IF_ERROR(r.events("from", rule.from, true));
  JZ_RETURN_IF_ERROR(r.events("to", rule.to, rule.kind == Rule::Kind::kDeadline));
  JZ_RETURN_IF_ERROR(r.events("implied_by", rule.implied_by, false));
  JZ_RETURN_IF_ERROR(r.events("stopped_by", rule.stopped_by, false));
  JZ_RETURN_IF_ERROR(r.events("extended_by", rule.extended_by, false));
  for (auto [key, out] :
       {std::pair{"requires_flag"sv, &rule.requires_flag}, std::pair{"flag"sv, &rule.flag}}) {
    JZ_RETURN_IF_ERROR(r.string(key, *out, false));
    if (!out->empty() && !vocab::contains(vocab::event_flags(), *out))
      return r.error(key, "\"" + *out + "\" is not " + vocab::describe(vocab::event_flags()));
  }
  if (rule.kind == Rule::Kind::kPublicHearing) {
    if (rule.flag.empty()) return r.error("flag", "required for a public hearing rule");
  } else {
    std::optional<Duration> limit;
    JZ_RETURN_IF_ERROR(r.duration("limit", limit));
    if (!limit) return r.error("limit", "required: \"24 hours\", \"3 days\" or \"2 months\"");
    rule.limit = *limit;
  }
  long previous = approximate_days(rule.limit);
  JZ_RETURN_IF_ERROR(r.each("extensions", [&](const Reader& e) -> Status {
    Extension ext;
    JZ_RETURN_IF_ERROR(e.duration("limit", ext.limit));
    JZ_RETURN_IF_ERROR(e.text("ground", ext.ground, true));
    JZ_RETURN_IF_ERROR(e.text("approver", ext.approver, false));
    if (!rule.extensions.empty() && !rule.extensions.back().limit)
      return e.error("limit", "follows an extension without a ceiling");
    if (ext.limit) {
      long days = approximate_days(*ext.limit);
      if (days <= previous) return e.error("limit", "must be longer than the limit before it");
      previous = days;
    }
    rule.extensions.push_back(std::move(ext));
    return Status::ok();
  }));
  JZ_RETURN_IF_ERROR(r.each("exceptions", [&](const Reader& e) -> Status {
    Exception ex;
    JZ_RETURN_IF_ERROR(e.string("ground", ex.ground, true));
    if (!in(kCaseGrounds, ex.ground) && !in(kFlagGrounds, ex.ground) &&
        !in(kClaimGrounds, ex.ground))
      return e.error("ground", "\"" + ex.ground + "\" is not a ground the engine knows");
    JZ_RETURN_IF_ERROR(e.text("text", ex.text, true));
    rule.exceptions.push_back(std::move(ex));
    return Status::ok();
  }));
  std::string binds = "authorities";
  JZ_RETURN_IF_ERROR(r.string("binds", binds, false));
  if (binds != "authorities" && binds != "defence")
    return r.error("binds", "expected \"authorities\" or \"defence\"");
  rule.binds_defence = binds == "defence";
  return r.flag("holiday_extends", rule.holiday_extends);
}

}  // namespace

bool is_case_ground(std::string_view ground) {
  return in(kCaseGrounds, ground);
}
bool is_flag_ground(std::string_view ground) {
  return in(kFlagGrounds, ground);
}

const LawVersion* Law::version_on(std::chrono::sys_days day) const {
  for (const auto& v : versions)
    if (v.from <= day && (!v.to || day <= *v.to)) return &v;
  return nullptr;
}

const Rule* Law::rule(std::string_view id) const {
  for (const auto& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

Result<Law> parse_law(std::string_view json_text) {
  json j = json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::invalid("the law file is not a JSON object");
  Reader top(j, "");
  Law law;
  JZ_RETURN_IF_ERROR(top.string("law", law.law, true));
  JZ_RETURN_IF_ERROR(top.text("name", law.name, true));
  JZ_RETURN_IF_ERROR(top.each("versions", [&](const Reader& r) -> Status {
    LawVersion v;
    JZ_RETURN_IF_ERROR(parse_version(r, v));
    law.versions.push_back(std::move(v));
    return Status::ok();
  }));
  if (law.versions.empty()) return top.error("versions", "needs at least one version");
  std::set<std::string> ids;
  JZ_RETURN_IF_ERROR(top.each("rules", [&](const Reader& r) -> Status {
    Rule rule;
    JZ_RETURN_IF_ERROR(parse_rule(r, law, rule));
    if (!ids.insert(rule.id).second) return r.error("id", "\"" + rule.id + "\" is used twice");
    law.rules.push_back(std::move(rule));
    return Status::ok();
  }));
  JZ_RETURN_IF_ERROR(top.each("no_legal_basis", [&](const Reader& r) -> Status {
    NoLegalBasis n;
    JZ_RETURN_IF_ERROR(r.string("facility_type", n.facility_type, false));
    JZ_RETURN_IF_ERROR(r.string("event_type", n.event_type, false));
    if (n.facility_type.empty() == n.event_type.empty())
      return r.error("facility_type", "give a facility_type or an event_type");
    if (!n.facility_type.empty() && !vocab::contains(vocab::facility_types(), n.facility_type))
      return r.error("facility_type", "\"" + n.facility_type + "\" is not a facility type");
    if (!n.event_type.empty() && !vocab::contains(vocab::event_types(), n.event_type))
      return r.error("event_type", "\"" + n.event_type + "\" is not an event type");
    JZ_RETURN_IF_ERROR(r.text("text", n.text, true));
    law.no_legal_basis.push_back(std::move(n));
    return Status::ok();
  }));
  JZ_RETURN_IF_ERROR(top.each("order", [&](const Reader& r) -> Status {
    std::vector<std::string> pair;
    const json& v = r.value();
    for (const auto& e : v.is_array() ? v : json::array())
      if (e.is_string() && vocab::contains(vocab::event_types(), e.get<std::string>()))
        pair.push_back(e.get<std::string>());
    if (pair.size() != 2 || v.size() != 2)
      return Status::invalid(r.path() + ": expected a pair of event types [\"first\", \"then\"]");
    law.order.emplace_back(pair[0], pair[1]);
    return Status::ok();
  }));
  int stage = 0;
  JZ_RETURN_IF_ERROR(top.each("stages", [&](const Reader& r) -> Status {
    std::vector<std::string> types;
    JZ_RETURN_IF_ERROR(Reader(json{{"types", r.value()}}, r.path()).events("types", types, true));
    for (const auto& t : types)
      if (!law.stages.emplace(t, stage).second)
        return Status::invalid(r.path() + ": \"" + t + "\" is in two stages");
    ++stage;
    return Status::ok();
  }));
  return law;
}

int Law::stage_of(std::string_view event_type) const {
  auto it = stages.find(std::string(event_type));
  return it == stages.end() ? -1 : it->second;
}

const Law& criminal_procedure_law() {
  static const Law kLaw = [] {
    auto law = parse_law(embedded_criminal_procedure_law());
    if (!law)
      throw std::logic_error("data/law/criminal-procedure-law.json: " + law.status().message());
    return std::move(law).value();
  }();
  return kLaw;
}

}  // namespace jz::monitor
