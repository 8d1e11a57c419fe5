#include "web/templates.hpp"

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "web/embedded_files.hpp"

namespace jz::web {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

// kainjow renders its own `data` type; JSON from the handlers is converted once per render.
// Every non-empty array `xs` in an object also sets `has_xs`, so a template can wrap a
// list in its heading and <ul> only when there is something to show.
// kainjow's set() and push_back() copy the value they are given, a whole subtree at every
// level of nesting; each value is moved into its place instead.
data to_data(const nlohmann::json& j) {
  if (j.is_object()) {
    data d{data::type::object};
    for (const auto& [k, v] : j.items()) {
      d[k] = to_data(v);
      if (v.is_array() && !v.empty()) d["has_" + k] = data{data::type::bool_true};
    }
    return d;
  }
  if (j.is_array()) {
    // Reserved, so that no element is copied when the vector grows (kainjow's move
    // constructor is not noexcept).
    kainjow::mustache::list items;
    items.reserve(j.size());
    for (const auto& v : j) items.push_back(to_data(v));
    data d{data::type::list};
    // list_value() is const only to kainjow's readers: the vector it names is d's own.
    static_assert(std::is_lvalue_reference_v<decltype(d.list_value())>);
    const_cast<kainjow::mustache::list&>(d.list_value()) = std::move(items);
    return d;
  }
  if (j.is_boolean())
    return j.get<bool>() ? data{data::type::bool_true} : data{data::type::bool_false};
  if (j.is_string()) return data{j.get_ref<const std::string&>()};
  if (j.is_null()) return data{data::type::bool_false};
  return data{j.dump()};
}

}  // namespace

std::string inline_partials(std::string_view text,
                            const std::map<std::string, std::string>& partials,
                            std::string_view where, int depth) {
  if (depth > 8)
    throw std::logic_error("template " + std::string(where) + ": partials nest too deep");
  std::string out;
  for (std::size_t at = 0;;) {
    std::size_t open = text.find("{{>", at);
    out += text.substr(at, open == std::string_view::npos ? open : open - at);
    if (open == std::string_view::npos) return out;
    std::size_t close = text.find("}}", open);
    if (close == std::string_view::npos)
      throw std::logic_error("template " + std::string(where) + ": {{> without }}");
    std::string_view name = text.substr(open + 3, close - open - 3);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    auto partial = partials.find(std::string(name));
    // A broken template is a programming error caught by every test run, not user input.
    if (partial == partials.end())
      throw std::logic_error("template " + std::string(where) + ": no partial " +
                             std::string(name));
    out += inline_partials(partial->second, partials, where, depth + 1);
    at = close + 2;
  }
}

// kainjow keeps error state in the template object, so a template object renders one page at
// a time. Each render borrows a copy from `idle` (copied from `tmpl` when none is free), so
// that concurrent requests never wait for each other, not even on the layout every page uses.
struct Parsed {
  explicit Parsed(mustache m) : tmpl(std::move(m)) {}
  const mustache tmpl;
  std::mutex mutex;
  std::vector<std::unique_ptr<mustache>> idle;

  std::unique_ptr<mustache> borrow() {
    std::lock_guard lock(mutex);
    if (idle.empty()) return std::make_unique<mustache>(tmpl);
    auto m = std::move(idle.back());
    idle.pop_back();
    return m;
  }
  void give_back(std::unique_ptr<mustache> m) {
    std::lock_guard lock(mutex);
    idle.push_back(std::move(m));
  }
};

struct Templates::Impl {
  std::map<std::string, Parsed, std::less<>> parsed;
};

Templates::Templates() : impl_(std::make_unique<Impl>()) {
  // templates/_name.mustache, available to every template as {{>_name}}
  std::map<std::string, std::string> partials;
  for (const auto& [path, text] : embedded_files()) {
    std::string_view name = path.starts_with("templates/") ? path.substr(10) : "";
    if (name.starts_with("_"))
      partials.emplace(std::string(name.substr(0, name.size() - 9)), std::string(text));
  }
  for (const auto& [path, text] : embedded_files()) {
    if (!path.starts_with("templates/")) continue;
    std::string_view name = path.substr(10);
    if (name.starts_with("_")) continue;
    mustache m{inline_partials(text, partials, name)};
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
  auto tmpl = it->second.borrow();
  std::string out = tmpl->render(converted);
  // A template that failed keeps its error, so it is not given back.
  if (!tmpl->is_valid())
    return Status::internal("template " + std::string(name) + ": " + tmpl->error_message());
  it->second.give_back(std::move(tmpl));
  return out;
}

}  // namespace jz::web
