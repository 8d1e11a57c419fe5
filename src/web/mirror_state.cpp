#include "web/mirror_state.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace jz::web {
namespace {

using nlohmann::json;
constexpr int kFormat = 1;

bool strings(const json& j, const char* key, std::vector<std::string>& out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return false;
  for (const auto& s : *it) {
    if (!s.is_string()) return false;
    out.push_back(s.get<std::string>());
  }
  return true;
}

Result<MirrorPageState> page_of(const json& j) {
  MirrorPageState p;
  if (!j.is_object() || !j.contains("url") || !j["url"].is_string() || !j.contains("file") ||
      !j["file"].is_string() || !j.contains("size") || !j["size"].is_number_unsigned() ||
      !j.contains("blake2b") || !j["blake2b"].is_string() || !j.contains("today") ||
      !j["today"].is_boolean() || !strings(j, "reads", p.reads) || !strings(j, "links", p.links) ||
      !strings(j, "outside", p.outside) || !from_hex(j["blake2b"].get<std::string>(), p.blake2b))
    return Status::corrupt("not a page {url, file, reads, today, links, outside, size, blake2b}");
  p.url = j["url"].get<std::string>();
  p.file = j["file"].get<std::string>();
  p.size = j["size"].get<std::uint64_t>();
  p.today = j["today"].get<bool>();
  return p;
}

}  // namespace

std::filesystem::path mirror_state_path(const std::filesystem::path& mirror) {
  auto p = mirror.lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  return p.string() + ".publish-state.jsonl";
}

Result<MirrorState> read_mirror_state(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(path.string() + ": cannot read it");
  MirrorState state;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    const std::string at = path.string() + ", line " + std::to_string(n) + ": ";
    auto j = json::parse(line, nullptr, false);
    if (n == 1) {
      if (!j.is_object() || j.value("format", 0) != kFormat || !j.contains("renderer") ||
          !j["renderer"].is_string() || !j.contains("generation") ||
          !j["generation"].is_number_integer() || !j.contains("head_hash") ||
          !j["head_hash"].is_string() || !j.contains("day") || !j["day"].is_number_integer())
        return Status::corrupt(at + "not the header of a publish state (format " +
                               std::to_string(kFormat) + ")");
      state.renderer = j["renderer"].get<std::string>();
      state.generation = j["generation"].get<std::int64_t>();
      state.head_hash = j["head_hash"].get<std::string>();
      state.day = j["day"].get<std::int64_t>();
      continue;
    }
    auto page = page_of(j);
    if (!page) return Status::corrupt(at + page.status().message());
    state.pages.push_back(std::move(*page));
  }
  if (n == 0) return Status::corrupt(path.string() + ": empty");
  return state;
}

Status write_mirror_state(const std::filesystem::path& path, const MirrorState& state) {
  const auto partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << json{{"format", kFormat},
                {"renderer", state.renderer},
                {"generation", state.generation},
                {"head_hash", state.head_hash},
                {"day", state.day}}
               .dump()
        << '\n';
    for (const auto& p : state.pages)
      out << json{{"url", p.url},     {"file", p.file},
                  {"reads", p.reads}, {"today", p.today},
                  {"links", p.links}, {"outside", p.outside},
                  {"size", p.size},   {"blake2b", to_hex(p.blake2b)}}
                 .dump()
          << '\n';
    out.close();
    if (!out) return Status::io(partial + ": cannot write (disk full?)");
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) return Status::io(path.string() + ": " + ec.message());
  return Status::ok();
}

}  // namespace jz::web
