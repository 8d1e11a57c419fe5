#include "web/record_form.hpp"

#include <charconv>
#include <set>

#include "core/record_json.hpp"
#include "core/utf8.hpp"
#include "web/call.hpp"
#include "web/record_form_fields.hpp"

namespace jz::web {
namespace {

using json = nlohmann::json;
using Form = std::multimap<std::string, std::string>;

// Characters a field may hold: a line, or a text area (a long testimony fits).
constexpr std::size_t kMaxLine = 2'000;
constexpr std::size_t kMaxLong = 200'000;

constexpr std::array<std::string_view, 3> kLanguages{"zh", "zh_hant", "en"};

std::string child(const std::string& path, std::string_view key) {
  return key.empty() ? path : path + "/" + std::string(key);
}

std::string trim(std::string_view s) {
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// The non-empty lines of a text area.
std::vector<std::string> lines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    auto nl = text.find('\n');
    if (auto line = trim(text.substr(0, nl)); !line.empty()) out.push_back(std::move(line));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  }
  return out;
}

// Turns the submitted fields into record JSON, collecting what is wrong on the way.
class FormReader {
 public:
  FormReader(const Form& form, const ResolveRef& resolve,
             std::map<std::string, std::string>& errors)
      : form_(form), resolve_(resolve), errors_(errors) {}

  void read(std::span<const FieldSpec> specs, const std::string& path, json& out) {
    for (const FieldSpec& spec : specs) {
      json value = field(spec, child(path, spec.key));
      if (!value.is_null()) out[std::string(spec.key)] = std::move(value);
    }
  }

  // The confidential pointers that were ticked, moved along with the list entries they
  // point into when empty entries before them were dropped.
  json confidential() const {
    json out = json::array();
    std::set<std::string> seen;
    auto [from, to] = form_.equal_range("confidential");
    for (auto it = from; it != to; ++it) {
      auto pointer = renumber(it->second);
      if (pointer && seen.insert(*pointer).second) out.push_back(*pointer);
    }
    return out;
  }

 private:
  std::string value(const std::string& name) const {
    auto it = form_.find(name);
    return it == form_.end() ? std::string() : it->second;
  }

  // A typed value with newlines as "\n", checked for UTF-8 and length.
  std::string text(const std::string& name, bool long_text) {
    std::string raw = value(name), v;
    for (char c : raw)
      if (c != '\r') v += c;
    v = trim(v);
    if (auto bad = first_invalid_utf8(v)) {
      errors_[name] = "not valid UTF-8 text (byte " + std::to_string(*bad + 1) + ")";
      return "";
    }
    std::size_t limit = long_text ? kMaxLong : kMaxLine, n = code_points(v);
    if (n > limit) {
      errors_[name] = "too long: " + std::to_string(n) + " characters; at most " +
                      std::to_string(limit) + " fit here";
      return "";
    }
    return v;
  }

  json ref(const std::string& name, std::string_view words, std::string_view kinds) {
    auto id = resolve_(words, kinds);
    if (id) return *id;
    errors_[name] = id.status().message();
    return std::string(words);  // shown again as typed
  }

  // The entry indices submitted under a list, in order: "/body/aliases/3/name" gives 3.
  std::vector<int> indices(const std::string& path) const {
    std::set<int> found;
    std::string prefix = path + "/";
    for (auto it = form_.lower_bound(prefix); it != form_.end() && it->first.starts_with(prefix);
         ++it) {
      std::string_view rest = std::string_view(it->first).substr(prefix.size());
      int i = 0;
      auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), i);
      if (ec == std::errc() && i >= 0 && i < 1000 &&
          (end == rest.data() + rest.size() || *end == '/'))
        found.insert(i);
    }
    return {found.begin(), found.end()};
  }

  json field(const FieldSpec& spec, const std::string& path) {
    switch (spec.type) {
      case FieldType::kText:
      case FieldType::kLongText: {
        json t = json::object();
        for (auto lang : kLanguages)
          if (auto v = text(child(path, lang), spec.type == FieldType::kLongText); !v.empty())
            t[std::string(lang)] = v;
        return t.empty() ? json() : t;
      }
      case FieldType::kString:
      case FieldType::kChoice:
      case FieldType::kDate: {
        auto v = text(path, false);
        return v.empty() ? json() : json(v);
      }
      case FieldType::kChoices: {
        json all = json::array();
        auto [from, to] = form_.equal_range(path);
        for (auto it = from; it != to; ++it)
          if (!it->second.empty()) all.push_back(it->second);
        return all.empty() ? json() : all;
      }
      case FieldType::kInt:
      case FieldType::kNumber: {
        auto v = text(path, false);
        if (v.empty()) return json();
        double d = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
        bool whole = spec.type == FieldType::kInt;
        if (ec != std::errc() || end != v.data() + v.size() ||
            (whole && d != static_cast<int>(d))) {
          errors_[path] =
              whole ? "write a whole number, such as 11" : "write a number, such as 39.95";
          return v;
        }
        return whole ? json(static_cast<int>(d)) : json(d);
      }
      case FieldType::kBool:
        return value(path) == "true" ? json(true) : json();
      case FieldType::kRef: {
        auto v = text(path, false);
        return v.empty() ? json() : ref(path, v, spec.ref_kinds);
      }
      case FieldType::kRefs: {
        json all = json::array();
        for (const auto& line : lines(text(path, true)))
          all.push_back(ref(path, line, spec.ref_kinds));
        return all.empty() ? json() : all;
      }
      case FieldType::kStrings: {
        json all = json::array();
        for (auto& line : lines(text(path, true))) all.push_back(std::move(line));
        return all.empty() ? json() : all;
      }
      case FieldType::kCitations: {
        json all = json::array();
        for (const auto& line : lines(text(path, true))) {
          auto bar = line.find('|');
          json c = {{"source", ref(path, trim(line.substr(0, bar)), "source")}};
          if (bar != std::string::npos)
            if (auto where = trim(line.substr(bar + 1)); !where.empty()) c["locator"] = where;
          all.push_back(std::move(c));
        }
        return all.empty() ? json() : all;
      }
      case FieldType::kObject: {
        json o = json::object();
        read(spec.fields, path, o);
        return o.empty() ? json() : o;
      }
      case FieldType::kTexts:
      case FieldType::kGroup: {
        json all = json::array();
        auto& moved = renumbered_[path];
        for (int i : indices(path)) {
          std::string at = path + "/" + std::to_string(i);
          json entry;
          if (spec.type == FieldType::kTexts) {
            entry = field({.key = "", .type = FieldType::kText, .label = ""}, at);
          } else {
            entry = json::object();
            read(spec.fields, at, entry);
            if (entry.empty()) entry = json();
          }
          if (entry.is_null()) continue;  // an empty row: the form always offers some
          moved[i] = static_cast<int>(all.size());
          all.push_back(std::move(entry));
        }
        return all.empty() ? json() : all;
      }
    }
    return json();
  }

  std::optional<std::string> renumber(const std::string& pointer) const {
    for (const auto& [list, moved] : renumbered_) {
      std::string prefix = list + "/";
      if (!pointer.starts_with(prefix)) continue;
      std::string_view rest = std::string_view(pointer).substr(prefix.size());
      int i = -1;
      auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), i);
      if (ec != std::errc()) return pointer;
      auto it = moved.find(i);
      if (it == moved.end()) return std::nullopt;  // its entry was emptied: nothing to hide
      return prefix + std::to_string(it->second) + std::string(end, rest.data() + rest.size());
    }
    return pointer;
  }

  const Form& form_;
  const ResolveRef& resolve_;
  std::map<std::string, std::string>& errors_;
  std::map<std::string, std::map<int, int>> renumbered_;  // list path: old index -> new
};

}  // namespace

FormInput read_record_form(std::string_view kind, std::string_view id, const Form& form,
                           const ResolveRef& resolve) {
  FormInput in;
  json& j = in.json;
  j = json::object();
  if (!id.empty()) j["id"] = id;
  j["kind"] = kind;
  FormReader reader(form, resolve, in.errors);
  json body = json::object();
  reader.read(body_fields(kind), "/body", body);
  reader.read(envelope_fields(), "", j);
  if (auto hidden = reader.confidential(); !hidden.empty()) j["confidential"] = std::move(hidden);
  j["body"] = std::move(body);
  if (!in.errors.empty()) return in;

  auto record = record_from_json(j);
  if (!record) {
    // "/body/born: ..." belongs to the field /body/born; anything else to the whole form.
    const std::string& m = record.status().message();
    auto colon = m.find(": ");
    if (m.starts_with("/") && colon != std::string::npos)
      in.errors[m.substr(0, colon)] = m.substr(colon + 2);
    else
      in.errors[""] = m;
    return in;
  }
  in.record = std::move(*record);
  return in;
}

namespace {

// Renders the fields of one form: each simple field becomes an object with every key the
// partial reads set (Mustache would otherwise find a key of the same name further out).
class FormView {
 public:
  FormView(const Call& call, const json& record, const std::map<std::string, std::string>& errors)
      : call_(call), record_(record), errors_(errors) {
    if (auto* c = at("/confidential"); c && c->is_array())
      for (const auto& p : *c)
        if (p.is_string()) hidden_.insert(p.get<std::string>());
  }

  json fields(std::span<const FieldSpec> specs, const std::string& path, bool can_hide) {
    json out = json::array();
    for (const FieldSpec& spec : specs) out.push_back(field(spec, child(path, spec.key), can_hide));
    return out;
  }

  // The errors no field showed (about the whole record, or a field the form lacks), with
  // the pointer they name.
  std::string unshown_errors() const {
    std::string out;
    for (const auto& [path, message] : errors_)
      if (!shown_.contains(path))
        out += (out.empty() ? "" : " ") + (path.empty() ? message : path + ": " + message);
    return out;
  }

  // Confidential pointers the form has no box for (a single language, a citation ...),
  // offered as ticked boxes so that saving keeps them.
  json other_hidden() const {
    json out = json::array();
    for (const auto& p : hidden_)
      if (!boxes_.contains(p)) out.push_back({{"value", p}});
    return out;
  }

 private:
  const json* at(const std::string& pointer) const {
    try {
      json::json_pointer p(pointer);
      return record_.contains(p) ? &record_.at(p) : nullptr;
    } catch (const json::exception&) {
      return nullptr;
    }
  }
  std::string str(const std::string& pointer) const {
    const json* v = at(pointer);
    if (!v || v->is_null()) return "";
    return v->is_string() ? v->get<std::string>() : v->dump();
  }
  std::string error(const std::string& path) {
    std::string out;
    for (auto it = errors_.lower_bound(path); it != errors_.end() && it->first.starts_with(path);
         ++it)
      if (it->first.size() == path.size() || it->first[path.size()] == '/') {
        out += (out.empty() ? "" : " ") + it->second;
        shown_.insert(it->first);
      }
    return out;
  }
  json box(const std::string& path) {
    boxes_.insert(path);
    return {{"value", path}, {"checked", hidden_.contains(path)}};
  }

  json field(const FieldSpec& spec, const std::string& path, bool can_hide) {
    std::string id = "f" + path;
    std::replace(id.begin(), id.end(), '/', '-');
    json f = {{"id", id},
              {"name", path},
              {"label", call_.t(spec.label)},
              {"required", spec.required},
              {"error", or_null(error(path))},
              {"text", nullptr},
              {"line", nullptr},
              {"choice", nullptr},
              {"choices", nullptr},
              {"check", nullptr},
              {"area", nullptr},
              {"object", nullptr},
              {"group", nullptr},
              {"hint", nullptr},
              {"hide", nullptr}};
    if (can_hide) f["hide"] = box(path);
    switch (spec.type) {
      case FieldType::kText:
      case FieldType::kLongText: {
        json t = {{"long", spec.type == FieldType::kLongText}};
        for (auto lang : kLanguages) {
          std::string p = child(path, lang);
          t[std::string(lang)] = {
              {"name", p}, {"id", id + "-" + std::string(lang)}, {"value", str(p)}};
        }
        t["t"] = {{"zh", call_.t("ui.name_simplified")},
                  {"zh_hant", call_.t("field.zh_hant")},
                  {"en", call_.t("ui.name_english")}};
        f["text"] = std::move(t);
        break;
      }
      case FieldType::kString:
      case FieldType::kDate:
      case FieldType::kInt:
      case FieldType::kNumber:
        f["line"] = {{"value", str(path)},
                     {"numeric", spec.type == FieldType::kInt || spec.type == FieldType::kNumber}};
        if (spec.type == FieldType::kDate) f["hint"] = call_.t("field.date_hint");
        break;
      case FieldType::kChoice: {
        std::string current = str(path);
        json options =
            json::array({{{"value", ""}, {"label", "—"}, {"selected", current.empty()}}});
        for (auto v : spec.options())
          options.push_back(
              {{"value", v}, {"label", call_.label(spec.labels, v)}, {"selected", v == current}});
        f["choice"] = {{"options", std::move(options)}};
        break;
      }
      case FieldType::kChoices: {
        std::set<std::string> on;
        if (const json* v = at(path); v && v->is_array())
          for (const auto& x : *v)
            if (x.is_string()) on.insert(x.get<std::string>());
        json options = json::array();
        for (auto v : spec.options())
          options.push_back({{"value", v},
                             {"id", id + "-" + std::string(v)},
                             {"label", call_.label(spec.labels, v)},
                             {"checked", on.contains(std::string(v))}});
        f["choices"] = {{"options", std::move(options)}};
        break;
      }
      case FieldType::kBool:
        f["check"] = {{"checked", at(path) && *at(path) == true}};
        break;
      case FieldType::kRef:
        f["line"] = {{"value", str(path)}, {"numeric", false}};
        f["hint"] = call_.t("field.ref_hint");
        break;
      case FieldType::kRefs:
      case FieldType::kStrings:
      case FieldType::kCitations: {
        std::string text;
        if (const json* v = at(path); v && v->is_array())
          for (const auto& x : *v) {
            if (x.is_string()) text += x.get<std::string>();
            if (x.is_object()) {
              text += x.value("source", "");
              if (x.contains("locator")) text += " | " + x.value("locator", "");
            }
            text += "\n";
          }
        f["area"] = {{"value", text}};
        f["hint"] = call_.t(spec.type == FieldType::kRefs      ? "field.refs_hint"
                            : spec.type == FieldType::kStrings ? "field.strings_hint"
                                                               : "field.citations_hint");
        break;
      }
      case FieldType::kObject:
        f["object"] = {{"fields", fields(spec.fields, path, false)}};
        break;
      case FieldType::kTexts:
      case FieldType::kGroup: {
        const json* v = at(path);
        std::size_t n = v && v->is_array() ? v->size() : 0;
        json entries = json::array();
        static constexpr FieldSpec kText{
            .key = "", .type = FieldType::kText, .label = "field.entry"};
        // Two empty rows to add entries: no script needed, save to get more.
        for (std::size_t i = 0; i < n + 2; ++i) {
          std::string entry = path + "/" + std::to_string(i);
          json sub = spec.type == FieldType::kTexts ? json::array({field(kText, entry, false)})
                                                    : fields(spec.fields, entry, false);
          entries.push_back({{"number", i + 1},
                             {"fields", std::move(sub)},
                             {"hide", can_hide && i < n ? box(entry) : json()}});
        }
        f["group"] = {{"entries", std::move(entries)}};
        f["hide"] = nullptr;  // entries are hidden one by one
        break;
      }
    }
    return f;
  }

  const Call& call_;
  const json& record_;
  const std::map<std::string, std::string>& errors_;
  std::set<std::string> hidden_;  // the record's confidential pointers
  std::set<std::string> boxes_;   // those the form has a box for
  std::set<std::string> shown_;   // errors shown at a field
};

}  // namespace

json record_form_view(const Call& call, std::string_view kind, const json& record,
                      const std::map<std::string, std::string>& errors) {
  FormView view(call, record, errors);
  json body = view.fields(body_fields(kind), "/body", true);
  json envelope = view.fields(envelope_fields(), "", false);
  // The record's sources may be hidden as a whole, like a body field.
  return {{"body", std::move(body)},
          {"envelope", std::move(envelope)},
          {"other_hidden", view.other_hidden()},
          {"error", or_null(view.unshown_errors())},
          {"has_errors", !errors.empty()}};
}

std::string field_label(const Call& call, std::string_view kind, std::string_view pointer) {
  std::vector<std::string_view> steps;
  for (std::string_view rest = pointer.substr(pointer.empty() ? 0 : 1); !pointer.empty();) {
    auto slash = rest.find('/');
    steps.push_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  std::span<const FieldSpec> specs = envelope_fields();
  std::size_t i = 0;
  if (!steps.empty() && steps[0] == "body") {
    specs = body_fields(kind);
    i = 1;
  }
  if (!steps.empty() && steps[0] == "confidential") return call.t("ui.draft_confidential");
  std::string label;
  const FieldSpec* spec = nullptr;
  auto add = [&](const std::string& part) { label += (label.empty() ? "" : " · ") + part; };
  while (i < steps.size()) {
    std::string_view step = steps[i++];
    if (spec && (spec->type == FieldType::kGroup || spec->type == FieldType::kTexts ||
                 spec->type == FieldType::kCitations || spec->type == FieldType::kRefs ||
                 spec->type == FieldType::kStrings || spec->type == FieldType::kChoices)) {
      int n = 0;
      std::from_chars(step.data(), step.data() + step.size(), n);
      label += " " + std::to_string(n + 1);
      specs = spec->fields;  // an entry's fields come next
      spec = nullptr;
      continue;
    }
    if (spec && (spec->type == FieldType::kText || spec->type == FieldType::kLongText)) {
      add(call.t(step == "zh"        ? "ui.name_simplified"
                 : step == "zh_hant" ? "field.zh_hant"
                                     : "ui.name_english"));
      break;
    }
    if (spec) specs = spec->fields;
    const FieldSpec* found = nullptr;
    for (const FieldSpec& f : specs)
      if (f.key == step) found = &f;
    if (!found) return label;
    spec = found;
    add(call.t(spec->label));
  }
  return label;
}

}  // namespace jz::web
