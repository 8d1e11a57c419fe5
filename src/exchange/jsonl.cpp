// JSON Lines import and export: one record per line in the format of docs/RECORDS.md.
#include <string>
#include <unordered_map>

#include "core/record_json.hpp"
#include "core/utf8.hpp"
#include "exchange/record_sink.hpp"

namespace jz::exchange {
namespace {

// 1-based column, in characters, of the byte at `byte` in `line`.
std::size_t character_column(std::string_view line, std::size_t byte) {
  return 1 + code_points(line.substr(0, byte));
}

// The column where the field named by a JSON Pointer starts in `line`, found by looking
// for each key of the path in turn; 1 when it cannot be found.
std::size_t column_of(std::string_view line, std::string_view pointer) {
  std::size_t pos = 0, found = std::string_view::npos;
  std::size_t start = 1;
  while (start <= pointer.size()) {
    std::size_t end = pointer.find('/', start);
    std::string_view key = pointer.substr(start, end == std::string_view::npos ? end : end - start);
    if (!key.empty() && key.find_first_not_of("0123456789") != std::string_view::npos) {
      std::size_t at = line.find("\"" + std::string(key) + "\"", pos);
      if (at == std::string_view::npos) break;
      found = pos = at;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return found == std::string_view::npos ? 1 : character_column(line, found);
}

// The line that defines record `id`: from the ids this import made up, else by looking for
// the id in the file. Only needed for errors found at commit.
std::string line_defining(const std::string& path, const std::string& id,
                          const std::unordered_map<std::string, std::size_t>& made_up) {
  if (auto it = made_up.find(id); it != made_up.end())
    return path + ":" + std::to_string(it->second);
  std::uint64_t size = 0;
  auto in = open_input(path, &size);
  if (!in) return path;
  std::string line;
  for (std::size_t n = 1; std::getline(*in, line); ++n)
    if (line.find("\"id\":\"" + id + "\"") != std::string::npos ||
        line.find("\"id\": \"" + id + "\"") != std::string::npos)
      return path + ":" + std::to_string(n);
  return path;
}

}  // namespace

Result<ImportReport> import_jsonl(store::Store& store, const std::string& path,
                                  const ImportOptions& options) {
  std::uint64_t size = 0;
  auto in = open_input(path, &size);
  if (!in) return in.status();
  RecordSink sink(store, options, "import from " + path);
  std::uint64_t bytes = 0;
  // Lines of records that arrived without an id, to name them if a reference fails.
  std::unordered_map<std::string, std::size_t> made_up_ids;
  Status s = store.transaction([&]() -> Status {
    std::string line;
    for (std::size_t n = 1; std::getline(*in, line); ++n) {
      bytes += line.size() + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      const std::string at = path + ":" + std::to_string(n) + ":";
      if (auto bad = first_invalid_utf8(line))
        return Status::invalid(at + std::to_string(character_column(line, *bad)) +
                               ": the file is not UTF-8 here; save it as UTF-8 and import again");
      auto record = parse_record(line);
      if (!record) {
        const std::string& m = record.status().message();
        if (m.rfind("byte ", 0) == 0) {
          std::size_t byte = std::stoul(m.substr(5));
          return Status::invalid(at + std::to_string(character_column(line, byte - 1)) +
                                 m.substr(m.find(':')));
        }
        return Status::invalid(at + std::to_string(column_of(line, m.substr(0, m.find(':')))) +
                               ": " + m);
      }
      const bool had_id = !record->id.empty();
      JZ_RETURN_IF_ERROR(sink.put(*record).prefixed(at + "1: "));
      if (!had_id) made_up_ids.emplace(record->id, n);
      sink.row_done(bytes, size);
    }
    return Status::ok();
  });
  if (!s.is_ok()) {
    // A dangling reference is found at commit; point at the record that made it.
    const std::string& m = s.message();
    if (m.rfind("record ", 0) == 0 && m.find(" refers to ") != std::string::npos)
      return rolled_back(s.prefixed(line_defining(path, m.substr(7, 11), made_up_ids) + ": "));
    return rolled_back(s);
  }
  return sink.report();
}

Status export_jsonl(store::Store& store, std::ostream& out, bool public_only) {
  IsPublic is_public;
  if (public_only) {
    auto oracle = store::public_oracle(store);
    if (!oracle) return oracle.status();
    is_public = std::move(*oracle);
  }
  JZ_RETURN_IF_ERROR(store.for_each([&](const Record& r) -> Status {
    if (!public_only) {
      out << to_canonical_json(r) << '\n';
    } else if (auto view = public_view(r, is_public)) {
      out << to_canonical_json(*view) << '\n';
    }
    return out ? Status::ok() : Status::io("cannot write the export (disk full?)");
  }));
  out.flush();
  return out ? Status::ok() : Status::io("cannot write the export (disk full?)");
}

}  // namespace jz::exchange
