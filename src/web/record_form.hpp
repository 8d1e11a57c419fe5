#pragma once
// The workspace's record form: renders a record (or what someone typed) as a form that
// works without JavaScript, and reads a submitted form back into a record. The fields come
// from record_form_fields.hpp; whether the result is a valid record is decided by the one
// decoder (core/record_json.hpp), whose errors name a JSON Pointer, which is also the
// field's name, so each error is shown at its field.
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/record.hpp"
#include "core/status.hpp"

namespace jz::web {

struct Call;

// A form as submitted.
struct FormInput {
  nlohmann::json json;  // the record as typed, to show the form again
  // What to fix, by field pointer ("/body/born"); "" for the form as a whole.
  std::map<std::string, std::string> errors;
  std::optional<Record> record;  // when there are no errors
};

// Finds the one record that `words` (an id, or words to search for) names, of one of the
// kinds in `kinds` ("person,organization"; "" for any); else says what to write instead.
using ResolveRef =
    std::function<Result<std::string>(std::string_view words, std::string_view kinds)>;

// Reads a submitted form for a record of `kind`; `id` is "" for a new record.
FormInput read_record_form(std::string_view kind, std::string_view id,
                           const std::multimap<std::string, std::string>& form,
                           const ResolveRef& resolve);

// The form's fields for a template (templates/_record_form.mustache), filled from
// `record` (a record's JSON, or FormInput::json), with `errors` at their fields.
nlohmann::json record_form_view(const Call& call, std::string_view kind,
                                const nlohmann::json& record,
                                const std::map<std::string, std::string>& errors);

// What the form calls the field at `pointer` of a record of `kind`, in the reader's
// language: "/body/name/en" gives "Name · English", "/body/aliases/1/name" "Other names 2
// · Other name"; "" for the envelope the form does not show (id, kind, dates).
std::string field_label(const Call& call, std::string_view kind, std::string_view pointer);

}  // namespace jz::web
