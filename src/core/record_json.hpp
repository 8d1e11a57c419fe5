#pragma once
// Records to and from JSON. Encoding is canonical (fixed key order, empty fields omitted),
// so the same record always gives the same bytes: exports are stable and revision hashes
// are well defined. Decoding is strict and names the JSON path of the first problem.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/record.hpp"
#include "core/record_id.hpp"
#include "core/status.hpp"

namespace jz {

nlohmann::ordered_json to_json(const Record& record);
std::string to_canonical_json(const Record& record);

// Checks every field against docs/RECORDS.md. Envelope fields the store fills in
// (id, created, updated, revision, slug) may be absent.
Result<Record> record_from_json(const nlohmann::json& j);
// Parses one JSON text; syntax errors name the column.
Result<Record> parse_record(std::string_view json_text);

bool is_valid_slug(std::string_view slug);
bool is_valid_timestamp(std::string_view ts);

}  // namespace jz
