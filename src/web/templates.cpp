#include "web/templates.hpp"

#include <kainjow/mustache.hpp>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "web/embedded_files.hpp"

namespace jz::web {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

// kainjow renders its own `data` type; JSON from the handlers is converted once per render.
// Every non-empty array `xs` in an object also sets `has_xs`, so a template can wrap a
// list in its heading and <ul> only when there is something to show.
data to_data(const nlohmann::json& j) {
  if (j.is_object()) {
    data d{data::type::object};
    for (const auto& [k, v] : j.items()) {
      d.set(k, to_data(v));
      if (v.is_array() && !v.empty()) d.set("has_" + k, data{data::type::bool_true});
    }
    return d;
  }
  if (j.is_array()) {
    data d{data::type::list};
    for (const auto& v : j) d.push_back(to_data(v));
    return d;
  }
  if (j.is_boolean())
    return j.get<bool>() ? data{data::type::bool_true} : data{data::type::bool_false};
  if (j.is_string()) return data{j.get<std::string>()};
  if (j.is_null()) return data{data::type::bool_false};
  return data{j.dump()};
}

}  // namespace

struct Parsed {
  explicit Parsed(mustache m) : tmpl(std::move(m)) {}
  // kainjow keeps error state in the template object, so one render at a time per template.
  std::mutex mutex;
  mustache tmpl;
};

struct Templates::Impl {
  std::map<std::string, Parsed, std::less<>> parsed;
  // templates/_name.mustache, available to every template as {{>_name}}
  std::map<std::string, std::string> partials;
};

Templates::Templates() : impl_(std::make_unique<Impl>()) {
  for (const auto& [path, text] : embedded_files()) {
    if (!path.starts_with("templates/")) continue;
    std::string_view name = path.substr(10);
    if (name.starts_with("_")) {
      impl_->partials.emplace(std::string(name.substr(0, name.size() - 9)), std::string(text));
      continue;
    }
    mustache m{std::string(text)};
    // A broken template is a programming error caught by every test run, not user input.
    if (!m.is_valid())
      throw std::logic_error("template " + std::string(name) + ": " + m.error_message());
    impl_->parsed.try_emplace(std::string(name), std::move(m));
  }
}

Templates::~Templates() = default;
Templates::Templates(Templates&&) noexcept = default;

Result<std::string> Templates::render(std::string_view name, const nlohmann::json& data) const {
  auto it = impl_->parsed.find(name);
  if (it == impl_->parsed.end()) return Status::internal("no template named " + std::string(name));
  auto converted = to_data(data);
  for (const auto& [partial_name, text] : impl_->partials)
    converted.set(partial_name, kainjow::mustache::partial([&text] { return text; }));
  std::lock_guard lock(it->second.mutex);
  std::string out = it->second.tmpl.render(converted);
  if (!it->second.tmpl.is_valid())
    return Status::internal("template " + std::string(name) + ": " +
                            it->second.tmpl.error_message());
  return out;
}

}  // namespace jz::web
