#include "web/templates.hpp"

#include <kainjow/mustache.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "web/template_sources.hpp"

namespace jz::web {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

// kainjow renders its own `data` type; JSON from the handlers is converted once per render.
data to_data(const nlohmann::json& j) {
  if (j.is_object()) {
    data d{data::type::object};
    for (const auto& [k, v] : j.items()) d.set(k, to_data(v));
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

struct Templates::Impl {
  std::map<std::string, mustache> parsed;
};

Templates::Templates() : impl_(std::make_unique<Impl>()) {
  for (const auto& [name, text] : template_sources()) {
    mustache m{std::string(text)};
    // A broken template is a programming error caught by every test run, not user input.
    if (!m.is_valid())
      throw std::logic_error("template " + std::string(name) + ": " + m.error_message());
    impl_->parsed.emplace(std::string(name), std::move(m));
  }
}

Templates::~Templates() = default;

Result<std::string> Templates::render(const std::string& name, const std::string& data_json) const {
  auto it = impl_->parsed.find(name);
  if (it == impl_->parsed.end()) return Status::internal("no template named " + name);
  // Rendering does not change the parsed template, but kainjow's render is not const.
  auto& m = const_cast<mustache&>(it->second);
  return m.render(to_data(nlohmann::json::parse(data_json)));
}

}  // namespace jz::web
