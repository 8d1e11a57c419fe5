#pragma once
// Pieces several pages show, as template values: a record's sources, its typed links, a
// timeline of events, a case's charges and sentence. Each takes records already passed
// through public_view() (Call::public_record) and resolves the ids they name the same way.
#include <cstddef>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/record.hpp"
#include "web/call.hpp"

namespace jz::web {

// The sources cited by the record, its links and (for facilities) its condition reports,
// each once: title, publisher, date, reliability, URL, locators, link to the source page.
nlohmann::json sources_of(Call& call, const Record& record);

// The record's typed links to public records: type label, target, dates, note.
nlohmann::json links_of(Call& call, const Record& record);

// Public records of `kind` that point at `id` (the cases of a person, the events of a case ...).
std::vector<Record> referring(Call& call, std::string_view id, std::string_view kind);

// How many records of one kind a page lists of those that point at its record: a source that
// every imported record cites would otherwise be a page of megabytes (3.7 MB at 20,000
// records), read whole, and rendered again in a mirror whenever any of them changed.
constexpr std::size_t kMostReferring = 100;

// Lists `kinds`' records that point at `id`, at most kMostReferring of each in id order, as
// list items into `items`; a note that only the first are shown, or null. A record hidden from
// the public, or whose link is, neither shows nor counts towards "more".
nlohmann::json list_referring(Call& call, std::string_view id,
                              std::initializer_list<const char*> kinds, nlohmann::json& items);

// Events as a timeline, earliest first: date, type, title, place, facility, case, notes.
nlohmann::json timeline(Call& call, std::vector<Record> events);

// Keeps the latest kMostReferring of `events` (distinct events) for a timeline of everything
// that names a record; a note that only the latest are shown, or null.
nlohmann::json keep_latest(Call& call, std::vector<Record>& events);

// A case's charges ("颠覆国家政权罪 (刑法第105条)"), and its sentence in words.
nlohmann::json charges_of(Call& call, const Case& c);
std::string sentence_of(Call& call, const Sentence& s);

// Adds {"label": t(label_key), "value": value} to `facts` unless the value is empty.
void add_fact(nlohmann::json& facts, const Call& call, std::string_view label_key,
              std::string value);

// A one-line summary of a record for lists: name, link, and a short description.
nlohmann::json list_item(Call& call, const Record& record);

}  // namespace jz::web
