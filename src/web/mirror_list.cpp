#include "web/mirror_list.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace jz::web {

bool KnownMirror::onion() const {
  auto host = url.substr(url.find("://") + 3);
  host = host.substr(0, host.find_first_of("/:"));
  return host.ends_with(".onion");
}

Result<std::vector<KnownMirror>> read_mirror_list(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io(path.string() + ": cannot read the list of mirrors");
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("mirrors") ||
      !doc["mirrors"].is_array())
    return Status::invalid(
        path.string() +
        ": not a list of mirrors; write {\"mirrors\": [{\"url\": \"https://...\", "
        "\"note\": {\"en\": \"...\", \"zh\": \"...\"}}]}");
  std::vector<KnownMirror> out;
  for (std::size_t i = 0; i < doc["mirrors"].size(); ++i) {
    const auto& m = doc["mirrors"][i];
    const std::string where = path.string() + ": mirror " + std::to_string(i + 1) + ": ";
    if (!m.is_object() || !m.contains("url") || !m["url"].is_string())
      return Status::invalid(where + "give its \"url\"");
    KnownMirror mirror;
    mirror.url = m["url"];
    if (!mirror.url.starts_with("https://") && !mirror.url.starts_with("http://"))
      return Status::invalid(where + "\"" + mirror.url + "\" is not an http:// or https:// URL");
    if (mirror.url.find_first_of(" \"<>") != std::string::npos)
      return Status::invalid(where + "\"" + mirror.url + "\" holds a space or a quote");
    if (m.contains("note")) {
      const auto& note = m["note"];
      if (!note.is_object())
        return Status::invalid(where + "\"note\" is {\"en\": ..., \"zh\": ...}");
      if (note.contains("en") && note["en"].is_string()) mirror.note.en = note["en"];
      if (note.contains("zh") && note["zh"].is_string()) mirror.note.zh = note["zh"];
    }
    out.push_back(std::move(mirror));
  }
  return out;
}

}  // namespace jz::web
