#pragma once
// What the workspace's record form asks for, kind by kind: one table of fields that both
// renders the form (record_form.cpp) and reads it back, so the two cannot drift apart.
// Field names in the form are the JSON Pointers of docs/RECORDS.md ("/body/name/zh").
#include <span>
#include <string_view>

#include "core/vocabulary.hpp"

namespace jz::web {

enum class FieldType {
  kText,      // bilingual: zh, zh_hant, en side by side
  kLongText,  // the same in text areas
  kString,    // one line
  kChoice,    // one value of a vocabulary
  kChoices,   // any values of a vocabulary (check boxes)
  kDate,      // partial date
  kInt,
  kNumber,
  kBool,
  kRef,        // one record: its id, or words that find it
  kRefs,       // records, one per line
  kCitations,  // sources, one per line: "id | where in it"
  kTexts,      // a list of Text (a facility's other names)
  kStrings,    // a list of short strings, one per line (a lawyer's language codes)
  kObject,     // a nested object: `fields`
  kGroup,      // a list of objects, each with `fields`
};

struct FieldSpec {
  std::string_view key;  // under its parent; "" for the entry itself (kTexts)
  FieldType type;
  std::string_view label;                  // message key
  vocab::List (*options)() = nullptr;      // kChoice, kChoices
  std::string_view labels = {};            // message prefix of the options ("person_status")
  std::string_view ref_kinds = {};         // kRef, kRefs: allowed kinds ("person,organization")
  std::span<const FieldSpec> fields = {};  // kObject, kGroup
  bool required = false;
};

// The body fields of a kind; empty for an unknown kind.
std::span<const FieldSpec> body_fields(std::string_view kind);
// The envelope fields every kind shares (visibility, sources, links).
std::span<const FieldSpec> envelope_fields();

}  // namespace jz::web
