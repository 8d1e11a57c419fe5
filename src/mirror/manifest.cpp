#include "mirror/manifest.hpp"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/clock.hpp"
#include "core/json_writer.hpp"
#include "mirror/fingerprint.hpp"
#include "mirror/manifest_line.hpp"

namespace jz::mirror {

namespace {

constexpr std::string_view kFooter = "]}\n";

std::string header(const Manifest& m) {
  JsonWriter w;
  w.begin_object().key("format").value(kManifestFormat).key("created").value(m.created);
  w.key("key").value(m.key).key("files").begin_array().end_array().end_object();
  std::string s = w.take();
  s.resize(s.size() - 2);  // reopen the list: "...,"files":["
  return s + "\n";
}

// `at` names the line in an error; it is made only for one.
Result<MirrorFile> parse_entry(std::string_view line, const std::function<std::string()>& at) {
  MirrorFile e;
  if (auto plain = plain_entry(line)) {
    e = std::move(*plain);
  } else {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("path") || !j["path"].is_string() ||
        !j.contains("size") || !j["size"].is_number_unsigned() || !j.contains("blake2b") ||
        !j["blake2b"].is_string())
      return Status::corrupt(at() + ": not a file entry {\"path\",\"size\",\"blake2b\"}");
    e.path = j["path"].get<std::string>();
    e.size = j["size"].get<std::uint64_t>();
    if (!from_hex(j["blake2b"].get<std::string>(), e.blake2b))
      return Status::corrupt(at() + ": \"blake2b\" is not 64 lowercase hex digits");
  }
  if (auto why = bad_mirror_path(e.path)) return Status::corrupt(at() + ": " + *why);
  if (entry_line(e) != line) return Status::corrupt(at() + ": not in the canonical form");
  return e;
}

}  // namespace

Result<Manifest> manifest_from_entries(std::vector<MirrorFile> files, std::string created) {
  auto by_path = [](const MirrorFile& a, const MirrorFile& b) { return a.path < b.path; };
  if (!std::is_sorted(files.begin(), files.end(), by_path))  // an export's files already are
    std::sort(files.begin(), files.end(), by_path);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& p = files[i].path;
    if (auto why = bad_mirror_path(p)) return Status::invalid("\"" + p + "\": " + *why);
    if (is_signature_file(p))
      return Status::invalid(p + ": this name is the signature's own; a page cannot use it");
    if (i > 0 && files[i - 1].path == p) return Status::invalid(p + ": listed twice");
  }
  return Manifest{.created = std::move(created), .key = {}, .files = std::move(files)};
}

std::string manifest_json(const Manifest& m) {
  std::string out = header(m);
  out.reserve(out.size() + m.files.size() * 120);
  for (std::size_t i = 0; i < m.files.size(); ++i) {
    out += entry_line(m.files[i]);
    out += i + 1 < m.files.size() ? ",\n" : "\n";
  }
  return out += kFooter;
}

Result<Manifest> parse_manifest(std::string_view text, const std::string& where) {
  const std::string damaged =
      "; the manifest is damaged or not a jianzheng mirror's: get the mirror again from a source "
      "you trust";
  std::size_t eol = text.find('\n');
  if (eol == std::string_view::npos || !text.ends_with(kFooter))
    return Status::corrupt(where + ": not a manifest (line 1 or the end is wrong)" + damaged);
  Manifest m;
  {
    auto head = nlohmann::json::parse(std::string(text.substr(0, eol)) + "]}", nullptr, false);
    if (head.is_discarded() || !head.is_object() || !head["format"].is_string() ||
        !head["created"].is_string() || !head["key"].is_string())
      return Status::corrupt(where + ":1: not a manifest header" + damaged);
    if (head["format"] != kManifestFormat)
      return Status::corrupt(where + ":1: format " + head["format"].dump() + " is not \"" +
                             std::string(kManifestFormat) + "\"; a newer jianzheng may read it");
    m.created = head["created"].get<std::string>();
    m.key = head["key"].get<std::string>();
    if (!utc_seconds(m.created))
      return Status::corrupt(where + ":1: \"created\" is not a time YYYY-MM-DDTHH:MM:SSZ" +
                             damaged);
    auto fp = parse_fingerprint(m.key);
    if (!fp || *fp != m.key)
      return Status::corrupt(where + ":1: \"key\" is not a key fingerprint" + damaged);
    if (header(m) != text.substr(0, eol + 1))
      return Status::corrupt(where + ":1: not in the canonical form" + damaged);
  }
  std::size_t pos = eol + 1, line = 2;
  const std::size_t body_end = text.size() - kFooter.size();
  while (pos < body_end) {
    eol = text.find('\n', pos);
    std::string_view l = text.substr(pos, eol - pos);
    const bool last = eol + 1 == body_end;
    if (!last) {
      if (!l.ends_with(','))
        return Status::corrupt(where + ":" + std::to_string(line) + ": no comma" + damaged);
      l.remove_suffix(1);
    }
    auto e = parse_entry(l, [&] { return where + ":" + std::to_string(line); });
    if (!e) return e.status().suffixed(damaged);
    if (!m.files.empty() && m.files.back().path >= e->path)
      return Status::corrupt(where + ":" + std::to_string(line) + ": " + e->path +
                             " is out of order or repeated" + damaged);
    if (is_signature_file(e->path))
      return Status::corrupt(where + ":" + std::to_string(line) + ": lists " + e->path + damaged);
    m.files.push_back(std::move(*e));
    pos = eol + 1;
    ++line;
  }
  return m;
}

}  // namespace jz::mirror
