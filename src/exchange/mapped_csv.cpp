// Imports any organisation's spreadsheet through a mapping file that says which column
// fills which field (docs/IMPORT.md). Each row is assembled as record JSON and decoded by
// the same strict decoder as JSON Lines, so the rules are the same whatever the format;
// a decoder error is traced back to the column that caused it.
#include <fstream>
#include <optional>

#include "core/record_id.hpp"
#include "core/record_json.hpp"
#include "core/vocabulary.hpp"
#include "exchange/csv_reader.hpp"
#include "exchange/record_sink.hpp"

namespace jz::exchange {
namespace {

using nlohmann::json;

struct ColumnRule {
  std::string path;  // JSON Pointer into the record
  std::string split;
  std::string type = "string";  // string, integer, number
  std::optional<std::map<std::string, std::string>> values;
};

struct Mapping {
  std::string kind;
  std::vector<std::string> key;
  std::map<std::string, std::optional<ColumnRule>> columns;  // nullopt: ignored
  json set = json::object();
};

Result<Mapping> read_mapping(const std::string& path) {
  if (path.empty())
    return Status::invalid("--format csv needs --mapping MAP.json (see docs/IMPORT.md)");
  std::ifstream in(path);
  if (!in) return Status::not_found(path + ": cannot open the mapping file");
  json j;
  try {
    j = json::parse(in);
  } catch (const json::parse_error& e) {
    return Status::invalid(path + ": not valid JSON at byte " + std::to_string(e.byte));
  } catch (const json::exception& e) {
    return Status::invalid(path + ": not valid JSON (" + std::string(e.what()) + ")");
  }
  auto bad = [&](const std::string& what) { return Status::invalid(path + ": " + what); };
  if (!j.is_object()) return bad("expected an object with \"kind\" and \"columns\"");
  for (const auto& [k, v] : j.items())
    if (k != "kind" && k != "key" && k != "columns" && k != "set")
      return bad("unknown field \"" + k + "\"; the fields are kind, key, columns, set");
  Mapping m;
  if (!j.contains("kind") || !j["kind"].is_string() ||
      !vocab::contains(vocab::kinds(), j["kind"].get<std::string>()))
    return bad("\"kind\" must be " + vocab::describe(vocab::kinds()));
  m.kind = j["kind"];
  if (j.contains("key")) {
    if (!j["key"].is_array()) return bad("\"key\" must be a list of column names");
    for (const auto& k : j["key"]) {
      if (!k.is_string()) return bad("\"key\" must be a list of column names");
      m.key.push_back(k);
    }
  }
  if (!j.contains("columns") || !j["columns"].is_object())
    return bad("\"columns\" must map each column name to a field path, a rule or null");
  for (const auto& [name, rule] : j["columns"].items()) {
    const std::string where = "columns.\"" + name + "\": ";
    if (rule.is_null()) {
      m.columns[name] = std::nullopt;
      continue;
    }
    ColumnRule r;
    if (rule.is_string()) {
      r.path = rule;
    } else if (rule.is_object()) {
      for (const auto& [k, v] : rule.items()) {
        if (k == "path" && v.is_string())
          r.path = v;
        else if (k == "split" && v.is_string())
          r.split = v;
        else if (k == "type" && v.is_string() && (v == "string" || v == "integer" || v == "number"))
          r.type = v;
        else if (k == "values" && v.is_object()) {
          r.values.emplace();
          for (const auto& [from, to] : v.items()) {
            if (!to.is_string()) return bad(where + "\"values\" must map text to text");
            (*r.values)[from] = to;
          }
        } else {
          return bad(where + "\"" + k +
                     "\" is not path, split, type (string, integer, number) "
                     "or values");
        }
      }
    } else {
      return bad(where + "expected a field path such as \"/body/born\", a rule object or null");
    }
    if (r.path.empty() || r.path[0] != '/') return bad(where + "the path must start with /");
    m.columns[name] = r;
  }
  if (j.contains("set")) {
    if (!j["set"].is_object()) return bad("\"set\" must map field paths to values");
    m.set = j["set"];
  }
  return m;
}

void assign(json& record, const std::string& pointer, json value) {
  record[json::json_pointer(pointer)] = std::move(value);
}

}  // namespace

Result<ImportReport> import_mapped_csv(store::Store& store, const std::string& path,
                                       const ImportOptions& options) {
  auto mapping = read_mapping(options.mapping_path);
  if (!mapping) return mapping.status();
  std::uint64_t size = 0;
  auto in = open_input(path, &size);
  if (!in) return in.status();
  CsvReader reader(*in, path);
  RecordSink sink(store, options, "import from " + path);

  Status s = store.transaction([&]() -> Status {
    std::vector<CsvField> header;
    auto more = reader.next(header);
    if (!more) return more.status();
    if (!*more) return Status::invalid(path + ": the file is empty");
    std::vector<const ColumnRule*> rules;
    std::map<std::string, std::size_t> index;
    for (const auto& h : header) {
      auto it = mapping->columns.find(h.value);
      if (it == mapping->columns.end())
        return Status::invalid(reader.where(h.line, h.column) + "column \"" + h.value +
                               "\" is not in the mapping " + options.mapping_path +
                               "; map it to a field or set it to null to leave it out");
      if (index.count(h.value))
        return Status::invalid(reader.where(h.line, h.column) + "column \"" + h.value +
                               "\" appears twice in the header; rename one of them");
      rules.push_back(it->second ? &*it->second : nullptr);
      index[h.value] = rules.size() - 1;
    }
    for (const auto& [name, rule] : mapping->columns)
      if (!index.count(name))
        return Status::invalid(options.mapping_path + ": column \"" + name +
                               "\" is not in the header of " + path);
    for (const auto& k : mapping->key)
      if (!index.count(k))
        return Status::invalid(options.mapping_path + ": key column \"" + k +
                               "\" is not in the header of " + path);

    std::vector<CsvField> row;
    while (true) {
      more = reader.next(row);
      if (!more) return more.status();
      if (!*more) break;
      if (row.size() == 1 && row[0].value.empty()) continue;
      const std::size_t line = row[0].line;
      if (row.size() != header.size())
        return Status::invalid(reader.where(line, 1) + "expected " + std::to_string(header.size()) +
                               " columns as in the header, found " + std::to_string(row.size()) +
                               "; quote fields that contain commas");
      json record = {{"kind", mapping->kind}, {"body", json::object()}};
      try {
        for (const auto& [pointer, value] : mapping->set.items()) assign(record, pointer, value);
        for (std::size_t i = 0; i < row.size(); ++i) {
          const ColumnRule* rule = rules[i];
          const std::string& cell = row[i].value;
          if (!rule || cell.empty()) continue;
          auto at = [&](const std::string& what) {
            return Status::invalid(reader.where(row[i].line, row[i].column) + "column \"" +
                                   header[i].value + "\": " + what);
          };
          auto convert = [&](const std::string& text) -> Result<json> {
            std::string v = text;
            if (rule->values) {
              auto it = rule->values->find(v);
              if (it == rule->values->end()) {
                std::string allowed;
                for (const auto& [from, to] : *rule->values) allowed += " \"" + from + "\"";
                return at("\"" + v + "\" is not one of the mapped values:" + allowed);
              }
              v = it->second;
            }
            if (rule->type == "string") return json(v);
            std::size_t used = 0;
            try {
              json n =
                  rule->type == "integer" ? json(std::stoll(v, &used)) : json(std::stod(v, &used));
              if (used == v.size()) return n;
            } catch (const std::exception&) {
            }
            return at("\"" + v + "\" is not a " + rule->type);
          };
          if (rule->split.empty()) {
            auto v = convert(cell);
            if (!v) return v.status();
            assign(record, rule->path, *v);
          } else {
            json list = json::array();
            std::size_t start = 0;
            while (start <= cell.size()) {
              std::size_t end = cell.find(rule->split, start);
              std::string part = cell.substr(start, end == std::string::npos ? end : end - start);
              part.erase(0, part.find_first_not_of(" \t"));
              part.erase(part.find_last_not_of(" \t") + 1);
              if (!part.empty()) {
                auto v = convert(part);
                if (!v) return v.status();
                list.push_back(*v);
              }
              if (end == std::string::npos) break;
              start = end + rule->split.size();
            }
            assign(record, rule->path, list);
          }
        }
      } catch (const json::exception& e) {
        return Status::invalid(options.mapping_path + ": a field path cannot be used (" + e.what() +
                               ")");
      }
      if (!mapping->key.empty() && !record.contains("id")) {
        std::string key = "csv\n" + mapping->kind;
        for (const auto& k : mapping->key) key += "\n" + row[index[k]].value;
        record["id"] = derived_id(mapping->kind, key);
      }
      auto decoded = record_from_json(record);
      if (!decoded) {
        // Blame the column whose path is the longest prefix of the failing field.
        const std::string& m = decoded.status().message();
        std::string failing = m.substr(0, m.find(':'));
        std::size_t best = row.size(), best_len = 0;
        for (std::size_t i = 0; i < row.size(); ++i) {
          if (!rules[i] || row[i].value.empty()) continue;
          const std::string& p = rules[i]->path;
          if (failing.rfind(p, 0) == 0 && p.size() > best_len) best = i, best_len = p.size();
        }
        if (best < row.size())
          return Status::invalid(reader.where(row[best].line, row[best].column) + "column \"" +
                                 header[best].value + "\": " + m);
        return Status::invalid(reader.where(line, 1) + m +
                               " (map a column to this field or give it in \"set\")");
      }
      JZ_RETURN_IF_ERROR(sink.put(*decoded).prefixed(reader.where(line, 1)));
      sink.row_done(reader.bytes_read(), size);
    }
    return Status::ok();
  });
  if (!s.is_ok()) return rolled_back(s);
  return sink.report();
}

}  // namespace jz::exchange
