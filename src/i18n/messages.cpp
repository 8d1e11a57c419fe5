#include "i18n/messages.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "i18n/message_sources.hpp"

namespace jz::i18n {
namespace {

using Catalogue = std::map<std::string, std::string, std::less<>>;

// A flat JSON object of key -> non-empty string. Duplicate keys are errors: JSON parsers
// keep the last one silently, which would hide a translation.
Result<Catalogue> parse_catalogue(std::string_view file, std::string_view text) {
  const std::string where = std::string(file) + ": ";
  std::set<std::string> duplicates;
  std::set<std::string> seen;
  auto note_keys = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    if (event == nlohmann::json::parse_event_t::key && depth == 1) {
      const auto& key = parsed.get_ref<const std::string&>();
      if (!seen.insert(key).second) duplicates.insert(key);
    }
    return true;
  };
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text.begin(), text.end(), note_keys);
  } catch (const nlohmann::json::parse_error& e) {
    return Status::invalid(where + "not valid JSON: " + e.what());
  }
  if (!json.is_object())
    return Status::invalid(where + "must be one JSON object mapping each key to its text");
  if (!duplicates.empty()) {
    std::string list;
    for (const auto& k : duplicates) list += (list.empty() ? "" : ", ") + k;
    return Status::invalid(where + "keys given more than once: " + list);
  }
  Catalogue out;
  for (const auto& [key, value] : json.items()) {
    if (!value.is_string())
      return Status::invalid(where + "\"" + key + "\" must be a string, not " + value.type_name());
    const auto& s = value.get_ref<const std::string&>();
    if (s.empty()) return Status::invalid(where + "\"" + key + "\" is empty");
    out.emplace(key, s);
  }
  return out;
}

// "a, b, c": the keys of `a` that `b` lacks.
std::string missing_from(const Catalogue& a, const Catalogue& b) {
  std::string list;
  for (const auto& [key, value] : a)
    if (!b.contains(key)) list += (list.empty() ? "" : ", ") + key;
  return list;
}

std::string_view source(std::string_view name) {
  const auto& all = message_sources();
  auto it = all.find(name);
  // The file list is fixed at build time; a missing one is a broken build, not user input.
  if (it == all.end())
    throw std::logic_error("message catalogue " + std::string(name) + " not embedded");
  return it->second;
}

}  // namespace

Result<Messages> Messages::load(const ScriptConverter& converter) {
  return from_json(source("zh-Hans.json"), source("en.json"), source("zh-Hant.json"), converter);
}

Result<Messages> Messages::from_json(std::string_view zh_hans_json, std::string_view en_json,
                                     std::string_view zh_hant_overrides_json,
                                     const ScriptConverter& converter) {
  auto zh_hans = parse_catalogue("zh-Hans.json", zh_hans_json);
  if (!zh_hans) return zh_hans.status();
  auto en = parse_catalogue("en.json", en_json);
  if (!en) return en.status();
  auto zh_hant = parse_catalogue("zh-Hant.json", zh_hant_overrides_json);
  if (!zh_hant) return zh_hant.status();

  std::string no_en = missing_from(*zh_hans, *en);
  std::string no_zh = missing_from(*en, *zh_hans);
  if (!no_en.empty() || !no_zh.empty()) {
    std::string message = "en.json and zh-Hans.json must have the same keys;";
    if (!no_en.empty()) message += " missing from en.json: " + no_en + ";";
    if (!no_zh.empty()) message += " missing from zh-Hans.json: " + no_zh + ";";
    message.pop_back();
    return Status::invalid(message);
  }
  std::string stale = missing_from(*zh_hant, *zh_hans);
  if (!stale.empty())
    return Status::invalid("zh-Hant.json overrides keys that zh-Hans.json does not have: " + stale);

  Messages m;
  for (auto& [key, simplified] : *zh_hans) {
    auto override_it = zh_hant->find(key);
    std::string traditional =
        override_it != zh_hant->end() ? override_it->second : converter.to_traditional(simplified);
    std::array<std::string, 3> texts;
    texts[static_cast<std::size_t>(Lang::kZhHans)] = simplified;
    texts[static_cast<std::size_t>(Lang::kZhHant)] = std::move(traditional);
    texts[static_cast<std::size_t>(Lang::kEn)] = en->find(key)->second;
    m.texts_.emplace(key, std::move(texts));
  }
  return m;
}

std::string_view Messages::get(Lang lang, std::string_view key) const {
  auto it = texts_.find(key);
  if (it == texts_.end()) return key;
  return it->second[static_cast<std::size_t>(lang)];
}

bool Messages::has(std::string_view key) const {
  return texts_.find(key) != texts_.end();
}

std::vector<std::string> Messages::keys() const {
  std::vector<std::string> out;
  out.reserve(texts_.size());
  for (const auto& [key, texts] : texts_) out.push_back(key);
  return out;
}

}  // namespace jz::i18n
